import "server-only";
import { formatMoney } from "@/lib/catalog/money";
import type { RETURN_STAGES } from "@/lib/orders/order-notice";
import { oneLine } from "./escape";
import { type MailContent, renderMail } from "./layout";
import type { OrderMailBase } from "./order-updates";

type ReturnStage = (typeof RETURN_STAGES)[number];

const wording: Record<ReturnStage, { subject: string; body: string }> = {
  requested: { subject: "We received your return request", body: "We received your request to return items from order {number}. We will check it and let you know." },
  approved: { subject: "Your return is approved", body: "Your return for order {number} is approved. Please send the items back as described on your order page." },
  rejected: { subject: "Your return request was declined", body: "We could not accept the return for order {number}." },
  received: { subject: "We received your returned items", body: "The items you returned from order {number} have arrived. We will refund you once they are checked." },
  refunded: { subject: "Your return is refunded", body: "We have refunded your return for order {number}." },
};

/** Where a return stands; a rejection says why, a refund says how much when it is known. */
export function returnUpdate({
  name,
  number,
  orderLink,
  stage,
  reason,
  amountMinor,
  currency,
}: OrderMailBase & { stage: ReturnStage; reason?: string; amountMinor?: number; currency: string }): MailContent {
  const { subject, body } = wording[stage];
  const details = [
    ...(stage === "rejected" && reason ? [`Reason: ${oneLine(reason, 300)}`] : []),
    ...(stage === "refunded" && amountMinor ? [`Amount refunded: ${formatMoney({ amountMinor, currency })}`] : []),
  ];
  return renderMail({
    subject: `${subject} (order ${number})`,
    name,
    paragraphs: [body.replace("{number}", number), ...details],
    action: { label: "View your order", url: orderLink },
    reason: `You receive this mail because you asked to return items from order ${number}.`,
  });
}
