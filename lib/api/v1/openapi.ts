import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { addressSchema } from "@/lib/addresses/address-schema";
import {
  addCartItemSchema,
  addressListSchema,
  addressOutSchema,
  cartSchema,
  checkoutOptionsQuerySchema,
  checkoutOptionsSchema,
  checkoutRequestSchema,
  checkoutResponseSchema,
  meSchema,
  orderPageSchema,
  orderSchema,
  problemSchema,
  productPageSchema,
  productDetailSchema,
  securityActivityListSchema,
  setCartItemSchema,
} from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas
 * the handlers parse with (zod-openapi). Served at /api/v1/openapi.json; the
 * app's typed client (lib/api/v1/generated/openapi.ts, openapi-typescript) is
 * generated from it by `npm run api:types`, and a test keeps the two equal.
 */
const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

const customerErrors: ZodOpenApiResponsesObject = {
  "401": problem("No valid access token (missing, expired, or its app session was ended)."),
  "429": problem("Too many requests."),
};

function op(summary: string, responses: ZodOpenApiResponsesObject, extra: Partial<ZodOpenApiOperationObject> = {}, auth = true): ZodOpenApiOperationObject {
  return { summary, ...extra, ...(auth ? { security: [{ bearer: [] }] } : { security: [] }), responses: { ...responses, ...(auth ? customerErrors : {}) } };
}

const cursorQuery = z.object({ cursor: z.string().optional().meta({ description: "The nextCursor of the previous page, as given." }) });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema } } });

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: { title: "Shop app API", version: "1.0.0", description: "The JSON API of the shop's app. See docs/mobile.md." },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An access token from /oauth/token (10 minutes)." } } },
    paths: {
      "/api/v1/products": {
        get: op("The published catalog, page by page.", { "200": json(productPageSchema, "A page of products."), "400": problem("Bad limit, category or cursor.") }, {
          requestParams: { query: cursorQuery.extend({ limit: z.string().optional(), category: z.string().optional() }) },
        }, false),
      },
      "/api/v1/products/{slug}": {
        get: op("One published product with its options and variants.", { "200": json(productDetailSchema, "The product."), "404": problem("No such published product.") }, { requestParams: { path: z.object({ slug: z.string() }) } }, false),
      },
      "/api/v1/search": {
        get: op("Full-text search of the catalog.", { "200": json(productPageSchema, "A page of matches."), "400": problem("Missing q or bad cursor.") }, {
          requestParams: { query: cursorQuery.extend({ q: z.string() }) },
        }, false),
      },
      "/api/v1/cart": { get: op("The customer's cart.", { "200": json(cartSchema, "The cart.") }) },
      "/api/v1/cart/items": {
        post: op("Adds a product to the cart.", { "201": json(cartSchema, "The cart after the change."), "404": problem("No such product."), "409": problem("Out of stock or over a limit."), "413": problem("Body too large."), "415": problem("Not JSON."), "422": problem("Invalid fields.") }, {
          requestBody: body(addCartItemSchema),
        }),
      },
      "/api/v1/cart/items/{itemId}": {
        patch: op("Sets a line's quantity.", { "200": json(cartSchema, "The cart after the change."), "404": problem("No such line in this cart."), "409": problem("Over a limit."), "422": problem("Invalid fields.") }, {
          requestParams: { path: z.object({ itemId: z.string() }) },
          requestBody: body(setCartItemSchema),
        }),
        delete: op("Removes a line.", { "200": json(cartSchema, "The cart after the change."), "404": problem("No such line in this cart.") }, { requestParams: { path: z.object({ itemId: z.string() }) } }),
      },
      "/api/v1/checkout": {
        post: op("Places the order for the cart and opens its hosted payment page.", { "201": json(checkoutResponseSchema, "The order and the payment page to open in the browser."), "404": problem("No such saved address."), "409": problem("The cart cannot be ordered now."), "422": problem("Invalid fields."), "503": problem("Payments unavailable.") }, {
          requestBody: body(checkoutRequestSchema),
        }),
      },
      "/api/v1/checkout/options": {
        get: op("The shipping rates for a saved address, with the totals each leads to.", { "200": json(checkoutOptionsSchema, "The options."), "400": problem("Missing savedAddressId."), "404": problem("No such saved address."), "409": problem("Empty cart, or no delivery to this address.") }, {
          requestParams: { query: checkoutOptionsQuerySchema },
        }),
      },
      "/api/v1/orders": { get: op("The customer's orders, newest first.", { "200": json(orderPageSchema, "A page of orders."), "400": problem("Bad cursor.") }, { requestParams: { query: cursorQuery } }) },
      "/api/v1/orders/{orderId}": {
        get: op("One of the customer's orders.", { "200": json(orderSchema, "The order."), "404": problem("No such order of this customer.") }, { requestParams: { path: z.object({ orderId: z.string() }) } }),
      },
      "/api/v1/me": { get: op("The signed-in customer.", { "200": json(meSchema, "The account.") }) },
      "/api/v1/me/addresses": {
        get: op("The customer's saved addresses.", { "200": json(addressListSchema, "The address book.") }),
        post: op("Saves a new address.", { "201": json(addressOutSchema, "The saved address."), "422": problem("Invalid fields.") }, { requestBody: body(addressSchema.meta({ id: "NewAddress" })) }),
      },
      "/api/v1/me/addresses/{addressId}": {
        get: op("One saved address.", { "200": json(addressOutSchema, "The address."), "404": problem("No such address of this customer.") }, { requestParams: { path: z.object({ addressId: z.string() }) } }),
      },
      "/api/v1/me/security-activity": { get: op("The last 30 days of account security activity.", { "200": json(securityActivityListSchema, "Activity, newest first.") }) },
    },
  });
}
