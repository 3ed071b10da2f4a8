import "server-only";
import { problemResponse } from "@/lib/api/problem";
import { addressSchema } from "@/lib/addresses/address-schema";
import { createMyAddress, getMyAddress, listMyAddresses } from "@/lib/dal/accounts/addresses";
import { readJsonBody } from "./json-body";
import { getMyOrder, listMyOrders } from "@/lib/dal/orders/my-orders";
import { listMySecurityActivity } from "@/lib/dal/sessions/security-activity";
import { decodeCursor, encodeCursor } from "./cursor";
import { apiAddress, apiOrder, apiOrderSummary, apiSecurityActivity } from "./mappers";
import { customerRoute, jsonResponse } from "./route";

const ORDER_PAGE = 20;
const rowId = /^[A-Za-z0-9_-]{1,40}$/;

/** GET /api/v1/me: who the token acts for (never a token, hash or second-factor secret). */
export const showMe = customerRoute(async ({ viewer }) => jsonResponse({ ...viewer.user }));

/** GET /api/v1/orders: the customer's orders, newest first, after the cursor's order. */
export const listOrders = customerRoute(async ({ url, viewer }) => {
  const cursor = decodeCursor(url.searchParams.get("cursor"));
  if (!cursor.ok || typeof cursor.position === "number") return problemResponse("invalidRequest", { detail: "The cursor is not valid." });
  const all = await listMyOrders(viewer);
  const start = cursor.position === null ? 0 : all.findIndex((order) => order.id === cursor.position) + 1;
  if (start === 0 && cursor.position !== null) return problemResponse("invalidRequest", { detail: "The cursor is not valid." });
  const page = all.slice(start, start + ORDER_PAGE);
  const last = page.at(-1);
  return jsonResponse({ items: page.map(apiOrderSummary), nextCursor: start + ORDER_PAGE < all.length && last ? encodeCursor(last.id) : null });
});

/**
 * GET /api/v1/orders/{orderId}: another customer's order is answered exactly
 * like an unknown id (404) and recorded as `order_access_denied` (the DAL does).
 */
export const showOrder = customerRoute<{ orderId: string }>(async ({ viewer, params, context }) => {
  if (!rowId.test(params.orderId)) return problemResponse("notFound");
  const order = await getMyOrder(viewer, params.orderId, context);
  return order ? jsonResponse(apiOrder(order)) : problemResponse("notFound");
});

/** GET /api/v1/me/addresses */
export const listAddresses = customerRoute(async ({ viewer }) => jsonResponse({ items: (await listMyAddresses(viewer)).map(apiAddress) }));

/** POST /api/v1/me/addresses: the same rules as the address book page (lib/addresses/address-schema.ts); unknown fields are dropped, never stored. */
export const addAddress = customerRoute(async ({ request, viewer }) => {
  const body = await readJsonBody(request, addressSchema);
  if (!body.ok) return body.response;
  const id = await createMyAddress(viewer, body.data);
  const address = await getMyAddress(viewer, id);
  return address ? jsonResponse(apiAddress(address), 201) : problemResponse("notFound");
});

/** GET /api/v1/me/addresses/{addressId}: another customer's address is not found. */
export const showAddress = customerRoute<{ addressId: string }>(async ({ viewer, params }) => {
  if (!rowId.test(params.addressId)) return problemResponse("notFound");
  const address = await getMyAddress(viewer, params.addressId);
  return address ? jsonResponse(apiAddress(address)) : problemResponse("notFound");
});

/** GET /api/v1/me/security-activity: the same 30 days the account page shows, IPs masked. */
export const listSecurityActivity = customerRoute(async ({ viewer }) => jsonResponse({ items: (await listMySecurityActivity(viewer)).map(apiSecurityActivity) }));
