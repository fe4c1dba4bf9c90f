import type { Hono } from "hono";
import { methodNotAllowed as honoMethodNotAllowed } from "hono/method-not-allowed";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "./error-response.ts";

/**
 * hono's method-not-allowed over every route of `app`: a known path called with a method it does
 * not serve gets 405 with `Allow` (from the routes themselves), in the worker's error shape.
 */
export function methodNotAllowed(app: Hono<AppEnv>) {
  return honoMethodNotAllowed<AppEnv>({
    app,
    onMethodNotAllowed: (c, methods) => {
      const allow = methods.join(", ");
      c.header("Allow", allow);
      return errorResponse(c, 405, "method_not_allowed", `Use ${allow}.`);
    },
  });
}
