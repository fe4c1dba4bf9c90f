// `pnpm --filter @ideokit/edge-worker token -- --sub web [--ttl 3600] [--aud …] [--iss …]`: prints a
// client JWT for the deployed worker, signed with JWT_SECRET from the environment (the same value
// as the worker's secret: `wrangler secret put JWT_SECRET`). Hand it to the client as its token.
import { parseArgs } from "node:util";
import { mintClientToken } from "./mint-token.ts";

const { values } = parseArgs({
  options: {
    sub: { type: "string" },
    ttl: { type: "string", default: "3600" },
    aud: { type: "string" },
    iss: { type: "string" },
    "max-ttl": { type: "string" },
  },
});
const secret = process.env.JWT_SECRET;
try {
  if (!secret)
    throw new Error("set JWT_SECRET to the worker's secret (e.g. JWT_SECRET=… pnpm … token --sub web)");
  if (!values.sub) throw new Error("--sub (the client id) is required");
  const token = await mintClientToken(secret, {
    sub: values.sub,
    ttlSeconds: Number(values.ttl),
    audience: values.aud,
    issuer: values.iss,
    maxTtlSeconds: values["max-ttl"] === undefined ? undefined : Number(values["max-ttl"]),
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
