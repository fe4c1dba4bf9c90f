// `pnpm dev`: the worker under `wrangler dev` on loopback, offline (no login, no --remote, no
// metrics), in front of an @ideokit/testing emulator it starts unless UPSTREAM_BASE_URL names one.
// Images are proxied through the worker: a signing secret per run, and the emulator's 127.0.0.1
// host allowed (ALLOW_PRIVATE_IMAGE_HOSTS, a local-development setting).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { DEFAULT_API_KEY } from "@ideokit/testing";
import { startEmulator } from "@ideokit/testing/node";

const workerPort = process.env.WORKER_PORT ?? "8787";
const emulator =
  process.env.UPSTREAM_BASE_URL === undefined
    ? await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 8788) })
    : undefined;
const upstream = process.env.UPSTREAM_BASE_URL ?? `${emulator!.url}/ideogram`;
const vars = {
  UPSTREAM_BASE_URL: upstream,
  IDEOGRAM_API_KEY: process.env.IDEOGRAM_API_KEY ?? DEFAULT_API_KEY,
  ALLOW_ANONYMOUS: "true",
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? "*",
  IMAGE_SIGNING_SECRET: process.env.IMAGE_SIGNING_SECRET ?? randomUUID(),
  ALLOW_PRIVATE_IMAGE_HOSTS: "true",
  ...(process.env.CLIENT_TOKENS ? { CLIENT_TOKENS: process.env.CLIENT_TOKENS } : {}),
};

if (emulator) console.log(`[dev] emulator on ${emulator.url} (key ${emulator.apiKey})`);
console.log(`[dev] worker on http://127.0.0.1:${workerPort} -> ${upstream}`);

const wrangler = spawn(
  join(import.meta.dirname, "..", "node_modules", ".bin", "wrangler"),
  [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    workerPort,
    "--show-interactive-dev-session=false",
    ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ],
  {
    cwd: join(import.meta.dirname, ".."),
    stdio: "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  },
);

const stop = () => wrangler.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
wrangler.on("exit", async (code) => {
  await emulator?.close();
  process.exit(code ?? 0);
});
