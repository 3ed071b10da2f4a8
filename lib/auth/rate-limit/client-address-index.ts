import "server-only";
import { ipRateLimitKey } from "./ip-key";
import { blindIndex } from "@/lib/crypto/blind-index";
import { UNKNOWN_IP } from "@/lib/http/client-ip";

/**
 * The keyed digest of a client address stored on its orders (never the
 * address itself), or null when the address is unknown. The card-testing rule
 * names an address by it, and the bot defence recognises the address by it.
 */
export function clientAddressIndexOf(ip: string | undefined): string | null {
  if (!ip || ip === UNKNOWN_IP) return null;
  return blindIndex(ipRateLimitKey(ip), "order-client-address");
}
