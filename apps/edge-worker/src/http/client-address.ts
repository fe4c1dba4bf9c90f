import type { Context } from "hono";
import type { AppEnv } from "../context.ts";

/** IPv6 hextets that name one customer: a /64 is what one subscriber is given, so it is one client. */
const IPV6_PREFIX_HEXTETS = 4;

/** The first 64 bits of an IPv6 address, written out in full (`2001:db8:0:1::/64`), or undefined for another text. */
function ipv6Prefix(address: string): string | undefined {
  // Dotted tails (`::ffff:192.0.2.1`) are IPv4 clients: they are counted by their own address.
  if (!/^[0-9a-f:]+$/i.test(address) || !address.includes(":")) return undefined;
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - left.length - right.length;
  const hextets =
    tail === undefined ? left : [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right];
  const prefix = hextets
    .slice(0, IPV6_PREFIX_HEXTETS)
    .map((hextet) => Number.parseInt(hextet || "0", 16).toString(16));
  return `${prefix.join(":")}::/64`;
}

/**
 * Who is calling, for rate limits and anonymous ids: Cloudflare's `cf-connecting-ip`, an IPv6
 * address grouped by its /64 (one subscriber can pick any address in it), or `local` when the host
 * sets none (wrangler dev, tests).
 */
export function clientAddress(c: Context<AppEnv>): string {
  const ip = c.req.header("cf-connecting-ip")?.trim();
  if (ip === undefined || ip === "") return "local";
  return ipv6Prefix(ip) ?? ip.replace(/^::ffff:(?=[\d.]+$)/i, "");
}
