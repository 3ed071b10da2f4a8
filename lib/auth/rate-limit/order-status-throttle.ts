import "server-only";
import { clientIp } from "@/lib/http/client-ip";
import { consumeAction, type createActionLimiters, limitAction } from "./action-limits";

/** The pages an order-status token opens: /orders/status/<token>. */
export const ORDER_STATUS_PATH = /^\/orders\/status\/[^/]+\/?$/;

/**
 * Throttles order-status lookups per client address (`orderStatusByIp`,
 * 30 a minute): a status token is 256 random bits, so this does not make
 * guessing possible, it makes a scan of the page visible and slow. Answers
 * the refusal to send, 429 with Retry-After (503 when the limits cannot be
 * checked), or null to let the request through. Runs in proxy.ts, before the
 * page, because a page cannot choose its status code. The refusal never
 * repeats the path (it carries the token).
 */
export async function orderStatusRefusal(
  pathname: string,
  headers: Headers,
  limiters?: ReturnType<typeof createActionLimiters>,
): Promise<Response | null> {
  if (!ORDER_STATUS_PATH.test(pathname)) return null;
  const ip = clientIp(headers);
  const decision = limiters ? await consumeAction(limiters, "orderStatusByIp", ip) : await limitAction("orderStatusByIp", ip);
  if (decision.allowed) return null;
  const store = decision.scope === "store";
  return new Response(store ? "Temporarily unavailable" : "Too many requests", {
    status: store ? 503 : 429,
    headers: {
      "retry-after": String(decision.retryAfterSeconds),
      "cache-control": "no-store",
      "content-type": "text/plain; charset=utf-8",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    },
  });
}
