import "server-only";
import { formatMoney } from "@/lib/catalog/money";
import { oneLine } from "./escape";
import { type MailContent, renderMail } from "./layout";

export type ConfirmationLine = { name: string; quantity: number; lineTotalMinor: number };

/** Confirms a paid order: what was bought and what it cost (no address, no card data). */
export function orderConfirmation({
  name,
  number,
  currency,
  lines,
  totals,
  orderLink,
  guestLinkDays,
}: {
  name: string;
  number: string;
  currency: string;
  lines: ConfirmationLine[];
  totals: { subtotalMinor: number; discountMinor?: number; shippingMinor: number; taxMinor: number; totalMinor: number; taxIncluded?: boolean };
  orderLink: string;
  /** Set for a guest order: `orderLink` is a personal status link that works this many days. */
  guestLinkDays?: number;
}): MailContent {
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency });
  const items = lines.map((line) => `${line.quantity} × ${oneLine(line.name, 120)}: ${money(line.lineTotalMinor)}`).join("\n");
  const summary = [
    `Subtotal: ${money(totals.subtotalMinor)}`,
    ...(totals.discountMinor ? [`Discount: −${money(totals.discountMinor)}`] : []),
    `Shipping: ${money(totals.shippingMinor)}`,
    ...(totals.taxMinor > 0 && !totals.taxIncluded ? [`Tax: ${money(totals.taxMinor)}`] : []),
    `Total paid: ${money(totals.totalMinor)}`,
    ...(totals.taxMinor > 0 && totals.taxIncluded ? [`Including tax: ${money(totals.taxMinor)}`] : []),
  ].join("\n");
  return renderMail({
    subject: `Order ${number} confirmed`,
    name,
    paragraphs: [
      `Thank you for your order. We have received your payment for order ${number}.`,
      items,
      summary,
      ...(guestLinkDays === undefined
        ? []
        : [`The link below shows your order for the next ${guestLinkDays} days. It is personal: anyone who has it can see the order, so do not share it.`]),
    ],
    action: { label: "View your order", url: orderLink },
    notMe:
      guestLinkDays === undefined
        ? "If you did not place this order, reply to this mail or change your password at once."
        : "If you did not place this order, reply to this mail.",
    reason: `You receive this mail because you placed order ${number}.`,
  });
}
