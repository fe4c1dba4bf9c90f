import { createApp } from "./app.ts";
import type { Bindings } from "./env.ts";

const app = createApp();

/** The Worker entry: one app, so one key cache and one local rate limiter, per isolate. */
export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
} satisfies ExportedHandler<Bindings>;
