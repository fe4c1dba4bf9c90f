import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { ConfigError, readConfig } from "../env.ts";
import { errorResponse } from "../http/error-response.ts";

/** Parses the bindings into `c.var.config`; a misconfigured deployment answers 500 and logs which setting is wrong. */
export function loadConfig() {
  return createMiddleware<AppEnv>(async (c, next) => {
    try {
      c.set("config", readConfig(c.env ?? {}));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      c.var.log("config_error", { detail: error.message });
      return errorResponse(c, 500, "server_misconfigured", "The worker is not configured correctly.");
    }
    await next();
  });
}
