// `pnpm dev`: the worker and the playground under `wrangler dev` on loopback, offline, in front of an
// @ideokit/testing emulator it starts unless UPSTREAM_BASE_URL names one (see local-stack.ts).
// SIGINT or SIGTERM stops wrangler, workerd and the emulator.
import { startLocalStack } from "./local-stack.ts";

const stack = await startLocalStack({
  workerPort: Number(process.env.WORKER_PORT ?? 8787),
  emulatorPort: Number(process.env.EMULATOR_PORT ?? 8788),
  upstreamBaseURL: process.env.UPSTREAM_BASE_URL,
  apiKey: process.env.IDEOGRAM_API_KEY,
  allowedOrigins: process.env.ALLOWED_ORIGINS,
  clientTokens: process.env.CLIENT_TOKENS,
  imageSigningSecret: process.env.IMAGE_SIGNING_SECRET,
});
if (stack.emulator) console.log(`[dev] emulator on ${stack.emulator.url} (key ${stack.emulator.apiKey})`);
console.log(`[dev] worker on ${stack.url} -> ${stack.upstreamBaseURL}`);
console.log(`[dev] playground: ${stack.url}/  (Ctrl-C stops)`);

let stopRequested = false;
const stop = async () => {
  stopRequested = true;
  await stack.stop();
  process.exit(0);
};
// `on`, not `once`: a second Ctrl-C during shutdown must not kill this process before wrangler.
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
stack.exited.then(async (code) => {
  if (stopRequested) return;
  console.error(`[dev] wrangler exited on its own (code ${code}); stopping the emulator`);
  await stack.stop();
  process.exit(code || 1);
});
