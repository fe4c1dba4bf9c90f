/** IPv4 blocks that are not publicly routable (RFC 6890): [network, prefix length]. */
const NON_PUBLIC_IPV4: readonly (readonly [string, number])[] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3],
];

function ipv4Number(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) {
    return undefined;
  }
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function inBlock(address: number, [network, bits]: readonly [string, number]): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(ipv4Number(network)! / size);
}

/** Only global unicast (2000::/3) counts as public, minus blocks that embed or document addresses. */
function isPublicIPv6(address: string): boolean {
  const [first = "", second = ""] = address.split(":");
  const head = Number.parseInt(first || "0", 16);
  if ((head & 0xe000) !== 0x2000 || head === 0x2002) return false;
  return !(head === 0x2001 && (second === "" || second === "0" || second === "db8"));
}

/**
 * Whether a URL hostname (as `URL.hostname` gives it: IPv4 normalised to dotted decimal, IPv6 in
 * brackets) names this machine, a private network or a link-local address. Names other than
 * `localhost` cannot be resolved in a Worker, so the host allow-list is what guards them.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host.startsWith("[")) return !isPublicIPv6(host.slice(1, -1));
  const address = ipv4Number(host);
  return address !== undefined && NON_PUBLIC_IPV4.some((block) => inBlock(address, block));
}
