import Link from "next/link";
import { PostalAddress } from "@/components/postal-address";
import { Price } from "@/components/price";
import type { CustomerOrderDTO } from "@/lib/dal/orders/my-orders";
import { OrderStatusBadges } from "./order-status";
import { formatLongDate } from "@/lib/config/formats";

/** One order as its customer sees it: lines, totals, where it goes and how it was paid. */
export function OrderDetails({ order }: { order: CustomerOrderDTO }) {
  const address = order.shippingAddress;
  return (
    <div className="flex flex-col gap-6">
      <p className="flex flex-wrap items-center gap-3">
        <span>
          Placed {formatLongDate(order.placedAt)}
        </span>
        <span>
          Status: <OrderStatusBadges paymentStatus={order.paymentStatus} fulfillmentStatus={order.fulfillmentStatus} />
        </span>
      </p>
      <table className="w-full text-left">
        <caption className="sr-only">Items in order {order.number}</caption>
        <thead>
          <tr className="border-b border-neutral-300">
            <th scope="col" className="py-2">Item</th>
            <th scope="col" className="py-2 text-right">Price</th>
            <th scope="col" className="py-2 text-right">Qty</th>
            <th scope="col" className="py-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.name} className="border-b border-neutral-200">
              <td className="py-2">
                {line.productSlug ? (
                  <Link href={`/products/${line.productSlug}`} className="text-brand-700 hover:underline">
                    {line.name}
                  </Link>
                ) : (
                  line.name
                )}
              </td>
              <td className="py-2 text-right"><Price money={line.unitPrice} /></td>
              <td className="py-2 text-right">{line.quantity}</td>
              <td className="py-2 text-right"><Price money={line.lineTotal} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="grid max-w-sm grid-cols-[1fr_auto] gap-x-4 gap-y-1 self-end">
        <dt>Subtotal</dt>
        <dd className="text-right"><Price money={order.subtotal} /></dd>
        {order.discount && (
          <>
            <dt>Discount ({order.discount.code})</dt>
            <dd className="text-right" data-testid="order-discount">−<Price money={order.discount.amount} /></dd>
          </>
        )}
        <dt>Shipping ({order.shippingMethod})</dt>
        <dd className="text-right"><Price money={order.shipping} /></dd>
        {order.tax.amountMinor > 0 && !order.taxIncluded && (
          <>
            <dt>Tax</dt>
            <dd className="text-right" data-testid="order-tax"><Price money={order.tax} /></dd>
          </>
        )}
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold"><Price money={order.total} /></dd>
        {order.tax.amountMinor > 0 && order.taxIncluded && (
          <>
            <dt className="text-sm text-neutral-700">Including tax</dt>
            <dd className="text-right text-sm text-neutral-700" data-testid="order-tax"><Price money={order.tax} /></dd>
          </>
        )}
        {order.refunded.amountMinor > 0 && (
          <>
            <dt>Refunded</dt>
            <dd className="text-right"><Price money={order.refunded} /></dd>
          </>
        )}
      </dl>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="ship-heading">
          <h2 id="ship-heading" className="font-semibold">Shipping to</h2>
          {address ? (
            <PostalAddress address={{ ...address, phone: null }} />
          ) : (
            <p>The address was erased.</p>
          )}
        </section>
        {order.card && (
          <section aria-labelledby="paid-heading">
            <h2 id="paid-heading" className="font-semibold">Paid with</h2>
            <p>
              <span className="capitalize">{order.card.brand}</span> ending in {order.card.last4}
            </p>
          </section>
        )}
        {order.shipment && <ShipmentDetails shipment={order.shipment} />}
      </div>
    </div>
  );
}

/** The parcel's carrier and tracking number; the carrier's tracking page opens without telling it where the link came from. */
export function ShipmentDetails({ shipment }: { shipment: { carrier: string; trackingNumber: string; trackingUrl: string | null } }) {
  return (
    <section aria-labelledby="tracking-heading">
      <h2 id="tracking-heading" className="font-semibold">Tracking</h2>
      <p>
        {shipment.carrier}:{" "}
        {shipment.trackingUrl ? (
          <a href={shipment.trackingUrl} rel="noopener noreferrer" target="_blank" className="text-brand-700 underline">
            {shipment.trackingNumber}
          </a>
        ) : (
          <span>{shipment.trackingNumber}</span>
        )}
      </p>
    </section>
  );
}
