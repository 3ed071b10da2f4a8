import "server-only";
import { formatMoney } from "@/lib/catalog/money";
import { CARRIERS, type CarrierId, trackingUrl } from "@/lib/orders/carriers";
import { oneLine } from "./escape";
import { type MailContent, renderMail } from "./layout";

/** What every customer order mail needs: who, which order, and the link to it (account page or guest status link). */
export type OrderMailBase = { name: string; number: string; orderLink: string };

const viewOrder = (orderLink: string) => ({ label: "View your order", url: orderLink });
const because = (number: string) => `You receive this mail because you placed order ${number}.`;

/** The parcel left: carrier, tracking number, and the carrier's tracking page when it has one. */
export function orderShipped({
  name,
  number,
  orderLink,
  carrier,
  trackingNumber,
}: OrderMailBase & { carrier: CarrierId; trackingNumber: string }): MailContent {
  const tracking = trackingUrl(carrier, trackingNumber);
  return renderMail({
    subject: `Order ${number} is on its way`,
    name,
    paragraphs: [
      `Good news: order ${number} has shipped.`,
      `Carrier: ${CARRIERS[carrier].name}\nTracking number: ${oneLine(trackingNumber, 64)}`,
      ...(tracking ? [`Track your parcel: ${tracking}`] : []),
    ],
    action: viewOrder(orderLink),
    reason: because(number),
  });
}

/** The parcel arrived. */
export function orderDelivered({ name, number, orderLink }: OrderMailBase): MailContent {
  return renderMail({
    subject: `Order ${number} was delivered`,
    name,
    paragraphs: [`Order ${number} has been delivered. We hope you enjoy it.`, "If anything is missing or damaged, reply to this mail and we will sort it out."],
    action: viewOrder(orderLink),
    reason: because(number),
  });
}

/** Money went back: this refund's amount, and whether the order is now refunded in full. */
export function orderRefunded({
  name,
  number,
  orderLink,
  amountMinor,
  currency,
  full,
}: OrderMailBase & { amountMinor: number; currency: string; full: boolean }): MailContent {
  const amount = formatMoney({ amountMinor, currency });
  return renderMail({
    subject: full ? `Order ${number} refunded` : `Partial refund for order ${number}`,
    name,
    paragraphs: [
      full
        ? `We have refunded ${amount} for order ${number}. The order is now refunded in full.`
        : `We have refunded ${amount} of order ${number}. The rest of the order stands.`,
      "The money goes back to the card you paid with; depending on your bank it can take 5 to 10 business days to show.",
    ],
    action: viewOrder(orderLink),
    reason: because(number),
  });
}

/** The order will not be fulfilled, with a short reason when one is given. */
/** A paid order released for packing after a manual check (the fraud review's approval; its reasons stay with staff). */
export function orderReleased({ name, number, orderLink }: OrderMailBase): MailContent {
  return renderMail({
    subject: `Order ${number} is being prepared`,
    name,
    paragraphs: [`Thank you for your patience: we have checked order ${number} and it is now being prepared for shipping.`, "We will mail you again when it ships."],
    action: viewOrder(orderLink),
    reason: because(number),
  });
}

export function orderCancelled({ name, number, orderLink, reason }: OrderMailBase & { reason?: string }): MailContent {
  return renderMail({
    subject: `Order ${number} cancelled`,
    name,
    paragraphs: [
      `Order ${number} has been cancelled.`,
      ...(reason ? [`Reason: ${oneLine(reason, 300)}`] : []),
      "If you were charged for it, the refund follows and we will mail you when it is made.",
    ],
    action: viewOrder(orderLink),
    reason: because(number),
  });
}
