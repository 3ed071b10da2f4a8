import "server-only";
import { isIPv6 } from "node:net";

/**
 * The part of an address that rate limits count against. An IPv4 address is
 * one client; an IPv6 client normally holds a whole /64 (SLAAC, privacy
 * addresses), so limits per full IPv6 address would give it 2^64 fresh budgets.
 * Expects the output of `clientIp` (already validated and normalized).
 */
export function ipRateLimitKey(ip: string): string {
  if (!isIPv6(ip)) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros. */
function expandIpv6(ip: string): string[] {
  let text = ip;
  // An embedded IPv4 tail ("64:ff9b::192.0.2.1") is two more groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const zeros = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
