import "server-only";
import { isIP } from "node:net";
import { env } from "@/lib/env";

/** What `clientIp` answers when no trustworthy address is available. */
export const UNKNOWN_IP = "unknown";

/**
 * The client's address (ASVS V4.1.3/V15.3.4: a client cannot choose the
 * address we key limits on).
 *
 * The shop's HTTP server (lib/cli/http-server.ts) always appends the socket's
 * peer address to X-Forwarded-For, so its last entry is trustworthy. Next's own
 * server cannot be relied on for this: it only fills the header when it is
 * absent (`??=` in base-server.js) and otherwise passes the client's value on.
 * Each trusted reverse proxy in front also appends the address it received the
 * connection from, so behind `trustedHops` proxies the client is the
 * (trustedHops + 1)-th entry from the right; everything further left is
 * whatever the client sent:
 *
 *   client C ──▶ P1 ──▶ P2 ──▶ shop server      X-Forwarded-For: <spoof…>, C, P1, P2
 *                                               hops = 2 → 3rd from the right = C
 *
 * When the header has fewer entries than that (a request that reached an inner
 * proxy directly), the leftmost entry is used, as Express's `trust proxy` does.
 */
export function clientIp(headers: Headers, options?: { trustedHops?: number }): string {
  const hops = options?.trustedHops ?? env.TRUSTED_PROXY_HOPS;
  const header = headers.get("x-forwarded-for");
  if (!header) return UNKNOWN_IP;
  const entries = header.split(",");
  const entry = entries[Math.max(entries.length - 1 - hops, 0)];
  return entry === undefined ? UNKNOWN_IP : normalizeIp(entry);
}

/** A canonical address for one X-Forwarded-For entry, or `UNKNOWN_IP`. */
export function normalizeIp(entry: string): string {
  let value = entry.trim();
  // Some proxies add a port: "[2001:db8::1]:443" or "203.0.113.7:51234".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.indexOf(":"));
  // A zone id ("fe80::1%eth0") names an interface of the proxy, not the client.
  value = (value.split("%")[0] ?? "").toLowerCase();
  return isIP(value) === 0 ? UNKNOWN_IP : unmapIpv4(value);
}

/** "::ffff:1.2.3.4" and "::ffff:102:304" are the IPv4 client 1.2.3.4: one client, one key. */
function unmapIpv4(ip: string): string {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (dotted?.[1]) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (!hex?.[1] || !hex[2]) return ip;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}
