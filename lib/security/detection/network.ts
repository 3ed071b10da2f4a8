import { isIPv4, isIPv6 } from "node:net";

/** Expands an IPv6 address to its eight 16-bit groups (handles "::" and an embedded IPv4 tail). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail?.[1]) {
    const bytes = tail[1].split(".").map(Number);
    text = text.slice(0, -tail[1].length) + `${(((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)).toString(16)}:${(((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const missing = rest === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => parseInt(group, 16) || 0);
}

/**
 * The network an address belongs to for counting: its /24 (IPv4) or /48 (IPv6),
 * the blocks one attacker usually holds. An IPv4-mapped IPv6 address counts as IPv4.
 * Null for anything that is not an address.
 */
export function networkOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const mapped = address.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  const ip = mapped?.[1] ?? address;
  if (isIPv4(ip)) return `${ip.split(".").slice(0, 3).join(".")}.0/24`;
  if (isIPv6(ip)) {
    const groups = ipv6Groups(ip).slice(0, 3).map((group) => group.toString(16));
    return `${groups.join(":")}::/48`;
  }
  return null;
}
