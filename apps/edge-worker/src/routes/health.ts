import { Hono } from "hono";
import type { AppEnv } from "../context.ts";
import { methodNotAllowed } from "../http/method-not-allowed.ts";

/** `GET /healthz`: the isolate is up. It touches neither the key nor the upstream. */
export function healthRoute(): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  route.get("/healthz", (c) => c.json({ status: "ok" }));
  route.all("/healthz", methodNotAllowed(["GET", "HEAD"]));
  return route;
}
