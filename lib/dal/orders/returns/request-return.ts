import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { returnableUnits, returnWindowEnd } from "@/lib/orders/return-status";
import type { RequestContext } from "@/lib/context/request-context";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { queueCustomerOrderMail } from "../customer-mail";
import { lockOrder, recordOrderEvent } from "../internal";
import { recordForeignOrderAccess } from "../my-orders";
import { ReturnError, type ReturnErrorCode, isValidReturnReason } from "./return-errors";
import { heldReturnLines } from "./return-rows";
import { type ReturnScope, scopedOrderWhere } from "./return-scope";

export type ReturnRequestInput = {
  orderId: string;
  /** Units asked back per order line (lines left out or at zero are not returned). */
  units: Record<string, number>;
  reason: string;
};

export type ReturnRequestResult =
  | { ok: true; returnId: string }
  | { ok: false; code: ReturnErrorCode; /** The line asked for too much, and how many it may still return. */ orderItemId?: string; left?: number };

const refuse = (code: ReturnErrorCode, extra: { orderItemId?: string; left?: number } = {}): ReturnRequestResult => ({ ok: false, code, ...extra });

/**
 * Opens a return on a shipped order for the scope's order. With the order row
 * locked, the units asked for are checked against what shipped less what the
 * order's other returns (all but declined ones) already hold, so two requests
 * at once cannot together return more than shipped. Nothing changes on a
 * refusal. The one transaction that opens the return is below: anything that
 * must happen with it (a mail to the customer) belongs in it.
 */
async function requestReturn(scope: ReturnScope, input: ReturnRequestInput, now: Date): Promise<ReturnRequestResult> {
  const reason = input.reason.trim();
  if (!isValidReturnReason(reason)) return refuse(ReturnError.invalidReason);
  const asked = Object.entries(input.units).filter(([, quantity]) => quantity !== 0);
  if (asked.some(([, quantity]) => !Number.isSafeInteger(quantity) || quantity < 0)) return refuse(ReturnError.tooManyUnits);
  if (asked.length === 0) return refuse(ReturnError.noUnits);
  return db.$transaction(async (tx): Promise<ReturnRequestResult> => {
    const owned = await tx.order.findFirst({ where: scopedOrderWhere(scope), select: { id: true } });
    if (!owned || !(await lockOrder(tx, owned.id))) return refuse(ReturnError.notFound);
    const order = await tx.order.findUniqueOrThrow({
      where: { id: owned.id },
      select: { fulfillmentStatus: true, shippedAt: true, deliveredAt: true, items: { select: { id: true, quantity: true } } },
    });
    if (order.fulfillmentStatus !== "shipped" && order.fulfillmentStatus !== "delivered") return refuse(ReturnError.notShipped);
    const windowEnd = returnWindowEnd(order, env.RETURN_WINDOW_DAYS);
    if (!windowEnd || now > windowEnd) return refuse(ReturnError.windowClosed);
    const left = returnableUnits(order.items, await heldReturnLines(tx, owned.id));
    for (const [orderItemId, quantity] of asked) {
      const available = left.get(orderItemId);
      if (available === undefined) return refuse(ReturnError.unknownLine);
      if (quantity > available) return refuse(ReturnError.tooManyUnits, { orderItemId, left: Math.max(0, available) });
    }
    const created = await tx.orderReturn.create({
      data: {
        orderId: owned.id,
        reason,
        requestedAt: now,
        lines: { create: asked.map(([orderItemId, quantity]) => ({ orderItemId, quantity })) },
      },
      select: { id: true },
    });
    // The customer's reason is personal: it stays on the return, never on the timeline.
    const units = asked.reduce((sum, [, quantity]) => sum + quantity, 0);
    await recordOrderEvent(tx, { orderId: owned.id, type: "return.requested", actor: "customer", detail: { units } });
    await queueCustomerOrderMail(tx, owned.id, { kind: "return", stage: "requested" });
    return { ok: true, returnId: created.id };
  });
}

/**
 * A signed-in customer asks to return units of their own order. Another
 * customer's order is answered like an unknown one and recorded as a security
 * event (as getMyOrder does).
 */
export async function requestMyReturn(
  viewer: ActiveSession,
  input: ReturnRequestInput,
  context: RequestContext,
  now = new Date(),
): Promise<ReturnRequestResult> {
  const result = await requestReturn({ kind: "owner", userId: viewer.userId, orderId: input.orderId }, input, now);
  if (!result.ok && result.code === ReturnError.notFound) await recordForeignOrderAccess(viewer, input.orderId, context);
  return result;
}

/**
 * A return asked through an order-status link. Call only after the link was
 * verified and resolved to `input.orderId`: this checks nothing about who is
 * asking, the link is the credential.
 */
export function requestReturnForVerifiedStatusLink(input: ReturnRequestInput, now = new Date()): Promise<ReturnRequestResult> {
  return requestReturn({ kind: "verified-status-link", orderId: input.orderId }, input, now);
}
