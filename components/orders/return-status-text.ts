import type { ReturnStatus } from "@/lib/orders/return-status";

const texts: Record<ReturnStatus, string> = {
  requested: "Requested",
  approved: "Approved: send the items back",
  rejected: "Declined",
  received: "Received: refund on its way",
  refunded: "Refunded",
};

const staffTexts: Record<ReturnStatus, string> = { ...texts, approved: "Approved", received: "Received" };

/** How a return's status reads, for the customer or for staff. */
export function returnStatusText(status: ReturnStatus, audience: "customer" | "staff" = "customer"): string {
  return (audience === "staff" ? staffTexts : texts)[status];
}
