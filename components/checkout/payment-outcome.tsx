import type { CustomerOrderDTO } from "@/lib/dal/orders/my-orders";

/**
 * What the page the payment provider sends the shopper back to says about
 * the order: only what the webhook has recorded, never a guess from the URL.
 */
export function paymentOutcome(order: Pick<CustomerOrderDTO, "paymentStatus" | "number">): { title: string; text: string; waiting: boolean } {
  if (order.paymentStatus === "cancelled" || order.paymentStatus === "failed") {
    return {
      title: "Payment not completed",
      text: `The payment for order ${order.number} did not go through, so the order was closed. Your items are back in stock for everyone.`,
      waiting: false,
    };
  }
  if (order.paymentStatus === "pending") {
    return {
      title: "Confirming your payment…",
      text: `We are waiting for the payment provider to confirm the payment for order ${order.number}. This page updates by itself.`,
      waiting: true,
    };
  }
  return { title: "Thank you for your order", text: `Payment received for order ${order.number}. A confirmation is on its way to your inbox.`, waiting: false };
}
