import { Hono } from "hono";
import type { AppEnv } from "../context.ts";

/** `GET /healthz`: the isolate is up. It touches neither the key nor the upstream. */
export function healthRoute(): Hono<AppEnv> {
  const route = new Hono<AppEnv>();
  route.get("/healthz", (c) => c.json({ status: "ok" }));
  return route;
}
