// Gateways (nginx, Cloudflare, load balancers) answer 502/503/504 with an HTML page; quoting it
// whole buries the one useful line. The message takes the page's <title>, else the status text.

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Content Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<title[\s>])/i;
const TITLE = /<title[^>]*>([^<]*)<\/title>/i;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/**
 * The one-line summary of an HTML error page: its `<title>` (entities decoded, whitespace
 * collapsed), else the status text; `undefined` when `text` is not an HTML page.
 */
export function htmlErrorSummary(text: string, status?: number): string | undefined {
  if (!HTML_START.test(text)) return undefined;
  const title = TITLE.exec(text)?.[1]
    ?.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  const summary = title || (status === undefined ? undefined : STATUS_TEXT[status]) || "error page";
  return `${summary} (HTML page)`;
}
