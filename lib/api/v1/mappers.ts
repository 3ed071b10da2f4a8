import "server-only";
import type { z } from "zod";
import type { CustomerAddressDTO } from "@/lib/dal/accounts/addresses";
import type { CustomerOrderDTO, CustomerOrderSummaryDTO } from "@/lib/dal/orders/my-orders";
import type { CustomerSecurityActivityDTO } from "@/lib/dal/sessions/security-activity";
import type { addressOutSchema, orderSchema, orderSummarySchema, securityActivitySchema } from "./schemas";

/**
 * DTOs (lib/dal) to the API's shapes: dates as ISO strings, and only the
 * fields the contract names, so a field added to a page's DTO does not leak
 * into the app's answers by accident.
 */
export function apiOrderSummary(order: CustomerOrderSummaryDTO): z.infer<typeof orderSummarySchema> {
  return {
    id: order.id,
    number: order.number,
    paymentStatus: order.paymentStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    placedAt: order.placedAt.toISOString(),
    total: order.total,
    itemCount: order.itemCount,
  };
}

export function apiOrder(order: CustomerOrderDTO): z.infer<typeof orderSchema> {
  return {
    ...apiOrderSummary(order),
    lines: order.lines.map((line) => ({ name: line.name, productSlug: line.productSlug, unitPrice: line.unitPrice, quantity: line.quantity, lineTotal: line.lineTotal })),
    subtotal: order.subtotal,
    discount: order.discount,
    shipping: order.shipping,
    tax: order.tax,
    refunded: order.refunded,
    shippingMethod: order.shippingMethod,
    card: order.card,
    shipment: order.shipment,
    actions: { pay: order.actions.pay },
  };
}

export function apiAddress(address: CustomerAddressDTO): z.infer<typeof addressOutSchema> {
  return {
    id: address.id,
    recipientName: address.recipientName,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    region: address.region,
    postalCode: address.postalCode,
    country: address.country,
    phone: address.phone,
    isDefault: address.isDefault,
  };
}

export function apiSecurityActivity(row: CustomerSecurityActivityDTO): z.infer<typeof securityActivitySchema> {
  return { id: row.id, type: row.type, at: row.at.toISOString(), browser: row.browser, system: row.system, maskedIp: row.maskedIp, country: row.country };
}
