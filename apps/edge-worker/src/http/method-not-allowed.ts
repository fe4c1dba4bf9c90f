import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { errorResponse } from "./error-response.ts";

/** A handler for a known path called with a method it does not serve: 405 with `Allow`. */
export function methodNotAllowed(allow: readonly string[]) {
  const allowHeader = allow.join(", ");
  return (c: Context<AppEnv>): Response => {
    c.header("Allow", allowHeader);
    return errorResponse(c, 405, "method_not_allowed", `Use ${allowHeader}.`);
  };
}
