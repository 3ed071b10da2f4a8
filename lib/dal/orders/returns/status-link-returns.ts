import "server-only";
import { orderIdOfStatusToken } from "../status-links";
import { type CustomerOrderReturnsDTO, getOrderReturnsForVerifiedStatusLink } from "./customer-returns";
import { ReturnError } from "./return-errors";
import { type ReturnRequestInput, type ReturnRequestResult, requestReturnForVerifiedStatusLink } from "./request-return";

/**
 * Returns for a guest, whose order-status link is the credential: the token
 * is verified here (by its hash, live only) before the order is touched, so
 * a guessed or expired link reads and changes nothing.
 */
export async function getReturnsByStatusToken(token: string, now = new Date()): Promise<CustomerOrderReturnsDTO | null> {
  const orderId = await orderIdOfStatusToken(token, now);
  return orderId ? getOrderReturnsForVerifiedStatusLink(orderId, now) : null;
}

/** A guest asks to return units of the order their status link opens; an invalid link is answered like an unknown order. */
export async function requestReturnByStatusToken(
  token: string,
  input: Omit<ReturnRequestInput, "orderId">,
  now = new Date(),
): Promise<ReturnRequestResult> {
  const orderId = await orderIdOfStatusToken(token, now);
  if (!orderId) return { ok: false, code: ReturnError.notFound };
  return requestReturnForVerifiedStatusLink({ ...input, orderId }, now);
}
