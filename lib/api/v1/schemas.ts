import { z } from "zod";

/**
 * The /api/v1 contract: request and response shapes as zod schemas. Requests
 * are parsed with them; responses are typed by them; the OpenAPI document
 * (lib/api/v1/openapi.ts) is generated from them, so the three cannot drift.
 */
export const moneySchema = z.object({ amountMinor: z.number().int(), currency: z.string().length(3) }).meta({ id: "Money" });

export const productSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    price: moneySchema.describe("The lowest price of its variants on sale."),
    priceVaries: z.boolean().describe("Whether its variants differ in price (listings say \"from\")."),
    imagePath: z.string(),
    inStock: z.boolean(),
    category: z.object({ slug: z.string(), name: z.string() }),
  })
  .meta({ id: "Product" });

export const variantSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    optionValues: z.array(z.string()).describe("One value per option, in the options' order."),
    price: moneySchema,
    compareAtPrice: moneySchema.nullable(),
    availability: z.discriminatedUnion("status", [
      z.object({ status: z.literal("in_stock") }),
      z.object({ status: z.literal("low_stock"), unitsLeft: z.number().int() }),
      z.object({ status: z.literal("out_of_stock") }),
    ]),
    maxQuantity: z.number().int().describe("The most one order may take now (0: it cannot be bought)."),
  })
  .meta({ id: "Variant" });

export const productDetailSchema = productSchema
  .extend({
    id: z.string(),
    metaTitle: z.string().nullable(),
    metaDescription: z.string().nullable(),
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    variants: z.array(variantSchema),
  })
  .meta({ id: "ProductDetail" });

export const productPageSchema = z.object({ items: z.array(productSchema), nextCursor: z.string().nullable() }).meta({ id: "ProductPage" });

export const cartLineSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    variantTitle: z.string().describe("The variant's option values with their names; empty without options."),
    sku: z.string(),
    imagePath: z.string(),
    unitPrice: moneySchema,
    quantity: z.number().int(),
    lineTotal: moneySchema,
    maxQuantity: z.number().int(),
    problem: z.string().nullable(),
  })
  .meta({ id: "CartLine" });

export const cartSchema = z
  .object({ lines: z.array(cartLineSchema), itemCount: z.number().int(), subtotals: z.array(moneySchema), hasProblems: z.boolean() })
  .meta({ id: "Cart" });

const quantity = z.number().int().min(1).max(999);
export const addCartItemSchema = z
  .strictObject({
    productSlug: z.string().min(1).max(200),
    options: z.array(z.string().max(60)).max(3).optional().describe("The value chosen for each of the product's options, in their order; empty for a product without options."),
    quantity,
  })
  .meta({ id: "AddCartItem" });
export const setCartItemSchema = z.strictObject({ quantity }).meta({ id: "SetCartItem" });

export const orderSummarySchema = z
  .object({
    id: z.string(),
    number: z.string(),
    paymentStatus: z.string(),
    fulfillmentStatus: z.string(),
    placedAt: z.iso.datetime(),
    total: moneySchema,
    itemCount: z.number().int(),
  })
  .meta({ id: "OrderSummary" });

export const orderPageSchema = z.object({ items: z.array(orderSummarySchema), nextCursor: z.string().nullable() }).meta({ id: "OrderPage" });

export const orderLineSchema = z
  .object({ name: z.string(), productSlug: z.string().nullable(), unitPrice: moneySchema, quantity: z.number().int(), lineTotal: moneySchema })
  .meta({ id: "OrderLine" });

export const orderSchema = orderSummarySchema
  .extend({
    lines: z.array(orderLineSchema),
    subtotal: moneySchema,
    discount: z.object({ code: z.string(), amount: moneySchema }).nullable(),
    shipping: moneySchema,
    tax: moneySchema,
    refunded: moneySchema,
    shippingMethod: z.string().meta({ description: "The name of the shipping rate chosen." }),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
    shipment: z.object({ carrier: z.string(), trackingNumber: z.string(), trackingUrl: z.string().nullable() }).nullable(),
    actions: z.object({ pay: z.boolean() }),
  })
  .meta({ id: "Order" });

export const meSchema = z
  .object({ name: z.string(), email: z.string(), emailVerified: z.boolean(), twoFactorEnabled: z.boolean() })
  .meta({ id: "Me" });

export const addressOutSchema = z
  .object({
    id: z.string(),
    recipientName: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string(),
    country: z.string(),
    phone: z.string().nullable(),
    isDefault: z.boolean(),
  })
  .meta({ id: "Address" });

export const addressListSchema = z.object({ items: z.array(addressOutSchema) }).meta({ id: "AddressList" });

export const securityActivitySchema = z
  .object({ id: z.string(), type: z.string(), at: z.iso.datetime(), browser: z.string().nullable(), system: z.string().nullable(), maskedIp: z.string().nullable(), country: z.string().nullable() })
  .meta({ id: "SecurityActivity" });

export const securityActivityListSchema = z.object({ items: z.array(securityActivitySchema) }).meta({ id: "SecurityActivityList" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: "Problem" });

/** Checkout ships to one of the customer's saved addresses (added on the web or the app's address book). */
export const checkoutRequestSchema = z
  .strictObject({
    savedAddressId: z.string().min(1).max(40),
    shippingRateId: z.string().min(1).max(40).meta({ description: "A rateId from GET /api/v1/checkout/options for this address." }),
  })
  .meta({ id: "CheckoutRequest" });

export const checkoutOptionsQuerySchema = z.object({ savedAddressId: z.string().min(1).max(40) });

/** What the destination's zone offers, each with the totals it leads to (computed on the server, as at placement). */
export const checkoutOptionsSchema = z
  .object({
    taxIncluded: z.boolean(),
    options: z.array(z.object({ rateId: z.string(), label: z.string(), description: z.string(), shipping: moneySchema, tax: moneySchema, total: moneySchema })),
  })
  .meta({ id: "CheckoutOptions" });
export const checkoutResponseSchema = z.object({ orderId: z.string(), number: z.string(), paymentUrl: z.string() }).meta({ id: "CheckoutResponse" });

