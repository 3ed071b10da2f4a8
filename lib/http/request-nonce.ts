import "server-only";
import { headers } from "next/headers";

/**
 * The CSP nonce proxy.ts issued for this request (it sets `x-nonce` on the
 * request), for the few elements a page renders itself that want one; undefined
 * when the page is rendered without a request nonce.
 */
export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
