// `npm run demo`: the whole stack on loopback, offline, with no Ideogram key. The @ideokit/testing
// emulator plays the upstream, the edge worker runs under `wrangler dev` in front of it (and serves
// the playground page at /), then @ideokit/node generates through the worker and saves the images.
// It then keeps serving the playground until Ctrl-C or SIGTERM and stops wrangler, workerd and the
// emulator. With --once, DEMO_EXIT_AFTER_START=1 or CI set, it stops right after printing.
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { generateAndSave, Ideogram } from "@ideokit/node";
import { startLocalStack } from "../apps/edge-worker/scripts/local-stack.ts";

const once =
  process.argv.includes("--once") ||
  process.env.DEMO_EXIT_AFTER_START === "1" ||
  !["", "0", "false"].includes(process.env.CI ?? "");
const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), "ideokit-out");
const workerPort = Number(process.env.WORKER_PORT ?? 8787);
const clientToken = `demo-${randomUUID()}`;
const log = (line) => console.log(`[demo] ${line}`);
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

let showRequests = false;
const started = performance.now();
log("starting the emulator and `wrangler dev` (offline, 127.0.0.1 only)…");
const starting = startLocalStack({
  workerPort,
  emulatorPort: 0,
  clientTokens: `demo:${clientToken}`,
  output: (line) => {
    if (/^\[wrangler:(error|warn)\]|^✘/.test(line)) console.error(`  [wrangler] ${line}`);
    else if (showRequests && /^\[wrangler:info\] [A-Z]+ \//.test(line)) console.log(`  ${requestLine(line)}`);
  },
});

let stopping;
/** Stops everything this demo started (once), then exits with `code`. */
function shutdown(code) {
  stopping ??= (async () => {
    showRequests = false;
    log("stopping wrangler, workerd and the emulator…");
    const stack = await starting.catch(() => undefined);
    await stack?.stop();
    log("stopped");
    process.exit(code);
  })();
  return stopping;
}
// `on`, not `once`: a second Ctrl-C during shutdown must not kill the demo before wrangler.
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

let stack;
try {
  stack = await starting;
} catch (error) {
  console.error(`[demo] the local stack did not start: ${error.message}`);
  if (String(error.message).includes("already in use")) {
    console.error(`[demo] set WORKER_PORT to another port, e.g. WORKER_PORT=8790 npm run demo`);
  }
  process.exit(1);
}
stack.exited.then((code) => {
  if (stopping) return;
  console.error(`[demo] wrangler exited on its own (code ${code})`);
  shutdown(1);
});
log(`emulator (offline Ideogram upstream) on ${stack.emulator.url}`);
log(`worker (wrangler dev) on ${stack.url} -> ${stack.upstreamBaseURL}, ready in ${seconds(started)}`);

try {
  const page = await fetch(`${stack.url}/`);
  log(`GET / -> ${page.status} ${page.headers.get("content-type")} (the playground page)`);
  await page.body?.cancel();

  const client = new Ideogram({ apiKey: clientToken, baseURL: `${stack.url}/ideogram` });
  const request = {
    prompt: "a lighthouse on a cliff at dusk, warm light, long exposure",
    aspect_ratio: "ASPECT_16_9",
    magic_prompt_option: "ON",
    color_palette: { name: "EMBER" },
    num_images: 2,
  };
  const generating = performance.now();
  log(`@ideokit/node -> worker -> emulator: generate ${JSON.stringify(request)}`);
  try {
    const { response, paths, skipped } = await generateAndSave(client, request, outDir);
    for (const image of response.data)
      console.log(`  seed ${image.seed}, ${image.resolution}: ${image.prompt}`);
    for (const path of paths) console.log(`  saved ${path}`);
    for (const skip of skipped) console.log(`  skipped image ${skip.index}: ${skip.reason}`);
    log(`generated and saved in ${seconds(generating)}`);
  } finally {
    await client.close();
  }
} catch (error) {
  console.error(`[demo] ${error.name}: ${error.message}`);
  await shutdown(1);
}

printBanner(stack.url);
if (once) {
  log("--once / DEMO_EXIT_AFTER_START / CI: not waiting for Ctrl-C");
  await shutdown(0);
}
showRequests = true;

function printBanner(url) {
  const lines = [`Playground:  ${url}/`, `API:         ${url}/ideogram/generate`];
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  console.log(`\n  ╭${"─".repeat(width)}╮`);
  for (const line of lines) console.log(`  │  ${line.padEnd(width - 2)}│`);
  console.log(`  ╰${"─".repeat(width)}╯`);
  console.log(
    "  Open the playground in a browser: it generates through the worker (anonymous, loopback only).",
  );
  console.log(
    `  Or: curl -s ${url}/ideogram/generate -H 'content-type: application/json' -d '{"image_request":{"prompt":"a lighthouse at dusk","seed":7}}'`,
  );
  console.log(once ? "" : "  Requests show below. Ctrl-C stops wrangler, workerd and the emulator.\n");
}

/** "[wrangler:info] GET /ideogram/images/<long token> 200 OK (85ms)" → "GET /ideogram/images/…<last 12> 200 OK (85ms)". */
function requestLine(line) {
  return line
    .replace(/^\[wrangler:info\] /, "")
    .replace(/(\/ideogram\/images\/)[^\s?]*([^\s?]{12})(\?\S*)?/, "$1…$2");
}
