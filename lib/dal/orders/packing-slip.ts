import "server-only";
import { db } from "@/lib/db";
import type { FulfillmentStatus } from "@/lib/orders/fulfillment-status";
import { canPrintPackingSlip } from "@/lib/orders/next-steps";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";
import { type StaffDeliveryAddressDTO, recordAddressView } from "./delivery-address";
import { openShippingAddress, shippingAddressSelect } from "./shipping-address";
import { orderLineName } from "@/lib/orders/order-line-name";

/** What goes in the parcel: where it goes and what is in it. No prices, no payment. */
export type StaffPackingSlipDTO = {
  id: string;
  number: string;
  placedAt: Date;
  fulfillmentStatus: FulfillmentStatus;
  shippingMethod: string;
  /** The full delivery address; null once erased at the customer's request. */
  shipTo: StaffDeliveryAddressDTO | null;
  /** What to pick: the item's name with its options, and its SKU. */
  lines: { name: string; sku: string; quantity: number }[];
};

export const PackingSlipError = {
  notFound: "not_found",
  /** Not paid, cancelled, or long delivered: there is no parcel to pack. */
  notShippable: "not_shippable",
} as const;
export type PackingSlipErrorCode = (typeof PackingSlipError)[keyof typeof PackingSlipError];

export type PackingSlipResult = { ok: true; slip: StaffPackingSlipDTO } | { ok: false; code: PackingSlipErrorCode };

/**
 * The packing slip of an order waiting to ship (or shipped: a re-print is
 * normal), for a viewer with orders:fulfil (thrown without it). The full
 * address it shows is audited like the order page's (recordAddressView).
 */
export async function getPackingSlip(viewer: StaffViewer, orderId: string, context: AuditContext): Promise<PackingSlipResult> {
  assertPermission(viewer, "orders:fulfil");
  const row = await db.order.findUnique({
    where: { id: orderId },
    select: {
      ...shippingAddressSelect,
      id: true,
      number: true,
      createdAt: true,
      paymentStatus: true,
      fulfillmentStatus: true,
      fraudReview: true,
      shippingMethod: true,
      items: { select: { productName: true, variantTitle: true, sku: true, quantity: true }, orderBy: { productName: "asc" } },
    },
  });
  if (!row) return { ok: false, code: PackingSlipError.notFound };
  if (!canPrintPackingSlip(row)) return { ok: false, code: PackingSlipError.notShippable };
  const shipTo = openShippingAddress(row);
  if (shipTo) await recordAddressView(viewer, row.id, "packing_slip", context);
  return {
    ok: true,
    slip: {
      id: row.id,
      number: row.number,
      placedAt: row.createdAt,
      fulfillmentStatus: row.fulfillmentStatus,
      shippingMethod: row.shippingMethod,
      shipTo,
      lines: row.items.map((item) => ({ name: orderLineName(item), sku: item.sku, quantity: item.quantity })),
    },
  };
}
