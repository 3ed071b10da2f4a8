import type { OrderStatus } from "@/lib/payments/order-transitions";

const labels: Record<OrderStatus, { text: string; tone: string }> = {
  pending_payment: { text: "Awaiting payment", tone: "bg-amber-100 text-amber-900" },
  paid: { text: "Paid", tone: "bg-green-100 text-green-900" },
  fulfilled: { text: "Shipped", tone: "bg-green-100 text-green-900" },
  cancelled: { text: "Cancelled", tone: "bg-slate-200 text-slate-900" },
  partially_refunded: { text: "Partly refunded", tone: "bg-blue-100 text-blue-900" },
  refunded: { text: "Refunded", tone: "bg-blue-100 text-blue-900" },
  on_hold: { text: "On hold: we will contact you", tone: "bg-amber-100 text-amber-900" },
};

export function orderStatusText(status: OrderStatus): string {
  return labels[status].text;
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${labels[status].tone}`}>{labels[status].text}</span>;
}
