import "server-only";
import type { OrderNotice } from "@/lib/orders/order-notice";
import type { MailContent } from "./layout";
import { type OrderMailBase, orderCancelled, orderDelivered, orderRefunded, orderReleased, orderShipped } from "./order-updates";
import { returnUpdate } from "./returns";

/** The mail for one customer order notice (the job handler's single entry to the templates). */
export function orderNoticeMail(notice: OrderNotice, order: OrderMailBase & { currency: string }): MailContent {
  const base = { name: order.name, number: order.number, orderLink: order.orderLink };
  switch (notice.kind) {
    case "shipped":
      return orderShipped({ ...base, carrier: notice.carrier, trackingNumber: notice.trackingNumber });
    case "delivered":
      return orderDelivered(base);
    case "refunded":
      return orderRefunded({ ...base, amountMinor: notice.amountMinor, currency: order.currency, full: notice.full });
    case "released":
      return orderReleased(base);
    case "cancelled":
      return orderCancelled({ ...base, reason: notice.reason });
    case "return":
      return returnUpdate({ ...base, stage: notice.stage, reason: notice.reason, amountMinor: notice.amountMinor, currency: order.currency });
  }
}
