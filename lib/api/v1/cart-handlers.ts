import "server-only";
import { problemResponse, type ProblemType } from "@/lib/api/problem";
import { CartErrorCode, type CartFailure } from "@/lib/cart/cart-errors";
import { addCartItem, getCartView, removeCartItem, setCartItemQuantity } from "@/lib/dal/cart/cart";
import { chooseVariant } from "@/lib/dal/cart/variant-choice";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { readJsonBody } from "./json-body";
import { customerRoute, jsonResponse } from "./route";
import { addCartItemSchema, setCartItemSchema } from "./schemas";

// The app's cart is the customer's server-side cart, the same one the web shop shows; no guest cart.
const shopper = (viewer: ActiveSession) => ({ session: viewer, guestToken: null });

const failureType: Record<CartFailure["code"], ProblemType> = {
  [CartErrorCode.invalidQuantity]: "validation",
  [CartErrorCode.productUnavailable]: "notFound",
  [CartErrorCode.outOfStock]: "conflict",
  [CartErrorCode.overOrderLimit]: "conflict",
  [CartErrorCode.overStock]: "conflict",
  [CartErrorCode.itemNotFound]: "notFound",
  [CartErrorCode.staffAccount]: "forbidden",
};

function cartProblem(failure: CartFailure): Response {
  return problemResponse(failureType[failure.code], { detail: failure.message, extra: { code: failure.code } });
}

/** GET /api/v1/cart */
export const showCart = customerRoute(async ({ viewer }) => jsonResponse(await getCartView(shopper(viewer))));

/** POST /api/v1/cart/items: adds the variant of a product (by slug) with the chosen option values; prices always come from the database. */
export const addItem = customerRoute(async ({ request, viewer }) => {
  const body = await readJsonBody(request, addCartItemSchema);
  if (!body.ok) return body.response;
  const variantId = await chooseVariant({ productSlug: body.data.productSlug }, body.data.options ?? []);
  if (!variantId) return problemResponse("notFound", { detail: "That product or choice is not available." });
  const change = await addCartItem(shopper(viewer), { variantId, quantity: body.data.quantity });
  if (!change.ok) return cartProblem(change);
  return jsonResponse(await getCartView(shopper(viewer)), 201);
});

/** PATCH /api/v1/cart/items/{itemId}: an item id of another cart is not found (the DAL matches within the owner's cart). */
export const setItem = customerRoute<{ itemId: string }>(async ({ request, viewer, params }) => {
  const body = await readJsonBody(request, setCartItemSchema);
  if (!body.ok) return body.response;
  const change = await setCartItemQuantity(shopper(viewer), { itemId: params.itemId, quantity: body.data.quantity });
  if (!change.ok) return cartProblem(change);
  return jsonResponse(await getCartView(shopper(viewer)));
});

/** DELETE /api/v1/cart/items/{itemId} */
export const removeItem = customerRoute<{ itemId: string }>(async ({ viewer, params }) => {
  const change = await removeCartItem(shopper(viewer), { itemId: params.itemId });
  if (!change.ok) return cartProblem(change);
  return jsonResponse(await getCartView(shopper(viewer)));
});
