import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CancelOrderForm, RefundOrderForm } from "@/components/admin/orders/order-action-forms";
import { OrderReturnsPanel } from "@/components/admin/orders/order-returns-panel";
import { MarkDeliveredForm, PackOrderForm, ShipOrderForm } from "@/components/admin/orders/fulfilment-forms";
import { ShipmentDetails } from "@/components/orders/order-details";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderStatusBadges } from "@/components/orders/order-status";
import { PostalAddress } from "@/components/postal-address";
import { Price } from "@/components/price";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { auditContext } from "@/lib/auth/audit-context";
import { formatMoney } from "@/lib/catalog/money";
import { getOrderForStaff } from "@/lib/dal/orders/staff-orders";
import { getDeliveryAddressForFulfilment } from "@/lib/dal/orders/delivery-address";
import { listOrderReturnsForStaff } from "@/lib/dal/orders/returns/staff-returns";
import { getRiskAssessmentForStaff } from "@/lib/dal/orders/fraud/review-queue";
import { RiskAssessmentPanel } from "@/components/admin/orders/risk-assessment";
import { can } from "@/lib/auth/permissions";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices = {
  packed: "Marked as packed.",
  shipped: "Marked as shipped. The customer gets the tracking number by mail.",
  delivered: "Marked as delivered.",
  cancelled: "Order cancelled; its stock is back on sale.",
  return_approved: "Return approved.",
  return_rejected: "Return declined.",
  return_received: "Return marked as received.",
  return_refund_requested: "Refund requested. The return shows refunded when the payment provider confirms it.",
  review_approved: "Approved: the order is released for packing and the customer is told it is being prepared.",
  review_cancelled: "Cancelled: the payment is being refunded in full and the customer is told.",
};

const orderParamsSchema = z.object({ notice: searchChoice([
    "packed",
    "shipped",
    "delivered",
    "cancelled",
    "return_approved",
    "return_rejected",
    "return_received",
    "return_refund_requested",
    "review_approved",
    "review_cancelled",
  ]),
});

export default async function AdminOrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireStaffPermission("orders:read", { returnTo: `/admin/orders/${encodeURIComponent(id)}` });
  const order = id.length <= 40 ? await getOrderForStaff(viewer, id) : null;
  if (!order) notFound();
  // The packer of a parcel waiting to ship sees where it goes, in full; every view is audited.
  const deliveryAddress = order.actions.viewAddress ? await getDeliveryAddressForFulfilment(viewer, order.id, await auditContext()) : null;
  const assessment = await getRiskAssessmentForStaff(viewer, order.id);
  const returns = can(viewer.role, "orders:returns") ? await listOrderReturnsForStaff(viewer, order.id) : [];
  const { notice: noticeKey } = parseSearchParams(orderParamsSchema, await searchParams);
  const notice = noticeKey ? notices[noticeKey] : undefined;
  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/admin/orders" className="text-brand-700 hover:underline">
          ← Orders
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Order {order.number}</h1>
      <p className="flex flex-wrap gap-3">
        <OrderStatusBadges paymentStatus={order.paymentStatus} fulfillmentStatus={order.fulfillmentStatus} audience="staff" />
        <span>Placed {order.placedAt.toISOString().slice(0, 16).replace("T", " ")} UTC</span>
        <span>Customer {order.customer}</span>
      </p>
      {notice && (
        <p role="status" className="rounded border border-success-300 bg-success-50 px-3 py-2 text-success-900">
          {notice}
        </p>
      )}
      {order.holdReason && (
        <p role="alert" className="rounded border border-warning-300 bg-warning-50 px-3 py-2">
          On hold: {order.holdReason}
        </p>
      )}
      <table className="w-full max-w-2xl text-left">
        <caption className="sr-only">Items</caption>
        <tbody>
          {order.lines.map((line) => (
            <tr key={`${line.name}-${line.sku}`} className="border-b border-neutral-200">
              <td className="py-1">
                {line.quantity} × {line.name}
                {line.sku && <span className="ml-2 font-mono text-sm text-neutral-700">{line.sku}</span>}
              </td>
              <td className="py-1 text-right"><Price money={line.lineTotal} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="grid max-w-sm grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>Subtotal</dt>
        <dd className="text-right"><Price money={order.subtotal} /></dd>
        {order.discount && (
          <>
            <dt>Discount ({order.discount.code})</dt>
            <dd className="text-right">−<Price money={order.discount.amount} /></dd>
          </>
        )}
        <dt>Shipping ({order.shippingMethod})</dt>
        <dd className="text-right"><Price money={order.shipping} /></dd>
        <dt>{order.taxIncluded ? "Tax (included)" : "Tax"}</dt>
        <dd className="text-right"><Price money={order.tax} /></dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold"><Price money={order.total} /></dd>
        <dt>Captured</dt>
        <dd className="text-right"><Price money={order.captured} /></dd>
        <dt>Refunded</dt>
        <dd className="text-right"><Price money={order.refunded} /></dd>
      </dl>
      <section aria-labelledby="ship-heading">
        <h2 id="ship-heading" className="font-semibold">{deliveryAddress ? "Ship to" : "Ship to (masked)"}</h2>
        {deliveryAddress ? (
          <PostalAddress address={deliveryAddress} />
        ) : order.shipTo ? (
          <p>
            {order.shipTo.name}, {order.shipTo.lines.join(", ")}, {order.shipTo.country}
          </p>
        ) : (
          <p>The address was erased at the customer&apos;s request.</p>
        )}
        {order.actions.packingSlip && (
          <p className="mt-2">
            <Link href={`/admin/orders/${order.id}/packing-slip`} className="text-brand-700 hover:underline">
              Packing slip
            </Link>
          </p>
        )}
      </section>
      {assessment && <RiskAssessmentPanel orderId={order.id} assessment={assessment} />}
      <p>
        Payment: {order.card ?? "no card details"}
        {order.riskLevel ? ` · risk ${order.riskLevel}` : ""}
      </p>
      {order.shipment && <ShipmentDetails shipment={order.shipment} />}
      <div className="grid gap-6 md:grid-cols-3">
        {order.actions.pack && <PackOrderForm orderId={order.id} />}
        {order.actions.ship && <ShipOrderForm orderId={order.id} />}
        {order.actions.deliver && <MarkDeliveredForm orderId={order.id} />}
        {order.actions.cancel && <CancelOrderForm orderId={order.id} />}
        {order.actions.refund && <RefundOrderForm orderId={order.id} refundable={formatMoney(order.refundable)} />}
      </div>
      {order.refunds.length > 0 && (
        <section aria-labelledby="refunds-heading">
          <h2 id="refunds-heading" className="font-semibold">Refunds</h2>
          <ul>
            {order.refunds.map((refund) => (
              <li key={refund.createdAt.toISOString()}>
                <Price money={refund.amount} /> · {refund.status} · {refund.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <OrderReturnsPanel orderId={order.id} returns={returns} />
      <OrderTimeline entries={order.timeline} showActor />
      <section aria-labelledby="events-heading">
        <h2 id="events-heading" className="font-semibold">Payment events</h2>
        <ul className="text-sm">
          {order.events.map((event) => (
            <li key={`${event.type}-${event.receivedAt.toISOString()}`}>
              {event.receivedAt.toISOString().slice(0, 19).replace("T", " ")} · {event.type} · {event.outcome}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
