import type { CustomerCheckoutLineDTO, CustomerCheckoutOptionDTO } from "@/lib/dal/orders/checkout";
import type { CustomerOrderDTO, CustomerOrderLineDTO, CustomerOrderSummaryDTO } from "@/lib/dal/orders/my-orders";
import type { DtoMapping } from "@/lib/data-classes/dto-audience";

/*
 * The mapping table of the order and checkout DTOs a customer's browser
 * receives (see dto-classes.test.ts): every key with the schema columns it is
 * built from. The mapped types make tsc fail when a DTO gains or loses a key.
 */
const orderMoney = (column: string) => ({ fields: [`Order.${column}`, "Order.currency"] });
const shipAddress = {
  fields: [
    "Order.shipRecipientName",
    "Order.shipLine1",
    "Order.shipLine2",
    "Order.shipCity",
    "Order.shipRegion",
    "Order.shipPostalCode",
    "Order.shipPhone",
    "Order.shipCountry",
    "Order.addressErasedAt",
  ],
  derived: "the decrypted snapshot, or null once erased",
};

export const customerOrderSummary: DtoMapping<CustomerOrderSummaryDTO> = {
  dto: "CustomerOrderSummaryDTO",
  audience: "owner",
  keys: {
    id: { fields: ["Order.id"] },
    number: { fields: ["Order.number"] },
    paymentStatus: { fields: ["Order.paymentStatus"] },
    fulfillmentStatus: { fields: ["Order.fulfillmentStatus"] },
    placedAt: { fields: ["Order.createdAt"] },
    total: orderMoney("totalMinor"),
    itemCount: { fields: ["OrderItem.quantity"], derived: "a sum of quantities" },
  },
};

export const customerOrderLine: DtoMapping<CustomerOrderLineDTO> = {
  dto: "CustomerOrderLineDTO",
  audience: "owner",
  keys: {
    name: { fields: ["OrderItem.productName"] },
    productSlug: { fields: ["Product.slug"] },
    unitPrice: { fields: ["OrderItem.unitPriceMinor", "Order.currency"] },
    quantity: { fields: ["OrderItem.quantity"] },
    lineTotal: { fields: ["OrderItem.lineTotalMinor", "Order.currency"] },
  },
};

// Processor ids (checkout session, payment intent) are internal and never part of it.
export const customerOrder: DtoMapping<CustomerOrderDTO> = {
  dto: "CustomerOrderDTO",
  audience: "owner",
  keys: {
    ...customerOrderSummary.keys,
    lines: { fields: [], derived: "MyOrderLineDTOs, mapped on their own" },
    subtotal: orderMoney("subtotalMinor"),
    discount: { fields: ["Order.discountMinor", "Order.currency", "DiscountRedemption.code"], derived: "the code as applied and what it took off" },
    shipping: orderMoney("shippingMinor"),
    tax: orderMoney("taxMinor"),
    taxIncluded: { fields: ["Order.taxIncluded"] },
    refunded: orderMoney("refundedMinor"),
    shippingMethod: { fields: ["Order.shippingMethod"] },
    shippingAddress: shipAddress,
    card: { fields: ["Order.cardBrand", "Order.cardLast4"] },
    shipment: { fields: ["Order.shippingCarrier", "Order.trackingNumber"], derived: "the carrier's name and tracking page" },
    actions: {
      fields: ["Order.paymentStatus", "Order.paymentIntentId", "Order.reservationExpiresAt"],
      derived: "what the customer may do next: whether the payment page may be opened now",
    },
    reservationExpiresAt: { fields: ["Order.reservationExpiresAt"] },
  },
};

export const customerCheckoutLine: DtoMapping<CustomerCheckoutLineDTO> = {
  dto: "CustomerCheckoutLineDTO",
  audience: "owner",
  keys: {
    name: { fields: ["Product.name"] },
    variantTitle: { fields: ["ProductOption.name", "ProductVariant.optionValues"], derived: "each option's name with the variant's value" },
    quantity: { fields: ["CartItem.quantity"] },
    unitPrice: { fields: ["ProductVariant.priceMinor", "Product.currency"] },
    lineTotal: { fields: ["ProductVariant.priceMinor", "Product.currency", "CartItem.quantity"], derived: "price times quantity" },
    problem: {
      fields: ["Product.published", "ProductVariant.archivedAt", "ProductVariant.stock", "ProductVariant.maxPerOrder", "CartItem.quantity"],
      derived: "why the line cannot be bought as it is",
    },
  },
};

export const customerCheckoutOption: DtoMapping<CustomerCheckoutOptionDTO> = {
  dto: "CustomerCheckoutOptionDTO",
  audience: "owner",
  keys: {
    rateId: { fields: ["ShippingRate.id"] },
    label: { fields: ["ShippingRate.name"] },
    description: { fields: ["ShippingRate.description"] },
    shipping: {
      fields: ["ShippingRate.kind", "ShippingRate.amountMinor", "ShippingRate.freeFromMinor", "ShippingRateBand.amountMinor", "ProductVariant.weightGrams", "Product.currency"],
      derived: "the rate's price for the cart's goods and weight",
    },
    tax: { fields: ["ProductVariant.priceMinor", "CartItem.quantity", "Product.currency", "TaxRate.basisPoints", "ShopSetting.pricesIncludeTax"], derived: "the destination's rate on goods and shipping" },
    total: { fields: ["ProductVariant.priceMinor", "CartItem.quantity", "Product.currency"], derived: "subtotal less discount, shipping and (unless included) tax" },
  },
};
