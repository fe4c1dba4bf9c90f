import type { Context } from "hono";

/** Statuses the emulator answers with a problem body. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 409 | 429 | 500;

const TITLES: Record<ProblemStatus, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/**
 * An error answer in the service's format (Connexion problem+json: detail, status, title, type);
 * `detail` is the message a client should surface.
 */
export function problem(
  c: Context,
  status: ProblemStatus,
  detail: string,
  headers?: Record<string, string>,
): Response {
  const body = { detail, status, title: TITLES[status], type: "about:blank" };
  return c.body(JSON.stringify(body), status, { ...headers, "content-type": "application/problem+json" });
}

/** A proxy-style HTML error page, what a gateway in front of the service sends for 502 and 503. */
export function gatewayPage(c: Context, status: 502 | 503): Response {
  const title = status === 502 ? "502 Bad Gateway" : "503 Service Temporarily Unavailable";
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return c.body(html, status, { "content-type": "text/html" });
}
