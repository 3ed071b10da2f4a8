import { describe, expect, it } from "vitest";
import { updateTestVariant } from "@/lib/dal/catalog/test-products";
import { CartErrorCode } from "@/lib/cart/cart-errors";
import { CartProblemCode } from "@/lib/cart/line-problems";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import {
  addCartItem,
  cartItemCount,
  getCartView,
  resolveCart,
} from "./cart";
import { getProduct } from "@/lib/dal/catalog/products";
import { cartFixtures, expectOk, guest, signedIn, storedLines } from "./test-fixtures";

requireTestDatabaseUrl();

const { product, customer, guestWith } = cartFixtures();

describe("viewing a cart", () => {
  it("reads prices and names from the product every time", async () => {
    const item = await product({ priceMinor: 1000 });
    const shopper = await guestWith(item.variantId, 3);
    expect((await getCartView(shopper)).subtotals).toEqual([{ amountMinor: 3000, currency: "USD" }]);

    await db.product.update({ where: { id: item.id }, data: { name: "Renamed Product" } });
    await updateTestVariant(item.variantId, { priceMinor: 1299 });
    const view = await getCartView(shopper);
    expect(view.lines[0]).toMatchObject({
      name: "Renamed Product",
      unitPrice: { amountMinor: 1299, currency: "USD" },
      lineTotal: { amountMinor: 3897, currency: "USD" },
    });
    expect(view.subtotals).toEqual([{ amountMinor: 3897, currency: "USD" }]);
    expect(view.itemCount).toBe(3);
  });

  it("marks lines that can no longer be bought as they are", async () => {
    const fewer = await product({ stock: 10 });
    const gone = await product();
    const soldOut = await product();
    const limited = await product();
    const fine = await product();
    const shopper = await guestWith(fewer.variantId, 5);
    for (const { variantId } of [gone, soldOut, limited, fine]) expectOk(await addCartItem(shopper, { variantId, quantity: 4 }));
    await updateTestVariant(fewer.variantId, { stock: 2 });
    await db.product.update({ where: { id: gone.id }, data: { published: false } });
    await updateTestVariant(soldOut.variantId, { stock: 0 });
    await updateTestVariant(limited.variantId, { maxPerOrder: 3 });

    const view = await getCartView(shopper);
    expect(view.lines.map((line) => [line.problem?.code ?? null, line.maxQuantity])).toEqual([
      [CartProblemCode.fewerLeft, 2],
      [CartProblemCode.unavailable, 0],
      [CartProblemCode.outOfStock, 0],
      [CartProblemCode.overOrderLimit, 3],
      [null, 10],
    ]);
    expect(view.lines[0]?.problem?.message).toBe("Only 2 left. Lower the quantity to check out.");
    expect(view.lines[1]?.problem?.message).toMatch(/^No longer available/);
    expect(view.hasProblems).toBe(true);
  });

  it("gives the owner a DTO with exactly these keys", async () => {
    const item = await product();
    const view = await getCartView(await guestWith(item.variantId, 1));
    expect(Object.keys(view).sort()).toEqual(["hasProblems", "itemCount", "lines", "subtotals"]);
    expect(Object.keys(view.lines[0] ?? {}).sort()).toEqual(
      ["id", "imagePath", "lineTotal", "maxQuantity", "name", "problem", "quantity", "sku", "slug", "unitPrice", "variantTitle"].sort(),
    );
  });

  it("shows an empty cart to a shopper without a cookie, with a malformed cookie, or signed in as staff", async () => {
    const item = await product();
    const guestCart = await guestWith(item.variantId, 2);
    const staff = await customer("staff");
    for (const shopper of [guest(), guest("not-a-token"), signedIn(staff), signedIn(staff, guestCart.guestToken)]) {
      expect(await getCartView(shopper)).toEqual({ lines: [], itemCount: 0, subtotals: [], hasProblems: false });
      expect(await cartItemCount(shopper)).toBe(0);
    }
    // Staff never absorb a guest cart, and cannot fill one.
    expect(await cartItemCount(guestCart)).toBe(2);
    expect(await addCartItem(signedIn(staff), { variantId: item.variantId, quantity: 1 })).toMatchObject({
      ok: false,
      code: CartErrorCode.staffAccount,
    });
    expect(await db.cart.count({ where: { userId: staff.userId } })).toBe(0);
  });

  it("offers the add-to-cart form at most the smaller of maxPerOrder and stock", async () => {
    const few = await product({ maxPerOrder: 10, stock: 3 });
    const many = await product({ maxPerOrder: 4, stock: 50 });
    const soldOut = await product({ stock: 0 });
    const hidden = await product({ published: false });
    const offered = async (slug: string) => (await getProduct(slug))?.variants.map((variant) => variant.maxQuantity) ?? null;
    expect(await offered(few.slug)).toEqual([3]);
    expect(await offered(many.slug)).toEqual([4]);
    expect(await offered(soldOut.slug)).toEqual([0]);
    expect(await offered(hidden.slug)).toBeNull();
  });
});

describe("signing in with a guest cart", () => {
  it("adds the guest cart into the account cart, capped by maxPerOrder and stock, and deletes it", async () => {
    const capped = await product({ maxPerOrder: 3, stock: 50 });
    const scarce = await product({ maxPerOrder: 10, stock: 4 });
    const plain = await product();
    const hidden = await product();
    const viewer = await customer();
    expectOk(await addCartItem(signedIn(viewer), { variantId: capped.variantId, quantity: 2 }));
    expectOk(await addCartItem(signedIn(viewer), { variantId: scarce.variantId, quantity: 3 }));

    const guestCart = await guestWith(capped.variantId, 2);
    for (const [variantId, quantity] of [[scarce.variantId, 3], [plain.variantId, 2], [hidden.variantId, 1]] as const) {
      expectOk(await addCartItem(guestCart, { variantId, quantity }));
    }
    await db.product.update({ where: { id: hidden.id }, data: { published: false } });

    const merged = signedIn(viewer, guestCart.guestToken);
    const quantities = async () =>
      Object.fromEntries((await storedLines(merged)).map((line) => [line.variantId, line.quantity]));
    await resolveCart(merged);
    expect(await quantities()).toEqual({ [capped.variantId]: 3, [scarce.variantId]: 4, [plain.variantId]: 2 });
    expect(await db.cart.count({ where: { tokenHash: hashToken(guestCart.guestToken ?? "") } })).toBe(0);

    // The cookie outlives the cart until an action clears it: merging again changes nothing.
    await resolveCart(merged);
    expect(await quantities()).toEqual({ [capped.variantId]: 3, [scarce.variantId]: 4, [plain.variantId]: 2 });
    expect(await cartItemCount(guestCart)).toBe(0);
  });

  it("merges once when two requests race", async () => {
    const item = await product({ maxPerOrder: 10 });
    const viewer = await customer();
    const guestCart = await guestWith(item.variantId, 2);
    const merged = signedIn(viewer, guestCart.guestToken);
    await Promise.all([cartItemCount(merged), getCartView(merged), resolveCart(merged)]);
    expect(await cartItemCount(signedIn(viewer))).toBe(2);
  });

  it("merges before a change, so the change sees the merged quantities", async () => {
    const item = await product({ maxPerOrder: 5 });
    const viewer = await customer();
    const guestCart = await guestWith(item.variantId, 4);
    expect(await addCartItem(signedIn(viewer, guestCart.guestToken), { variantId: item.variantId, quantity: 2 })).toMatchObject({
      ok: false,
      code: CartErrorCode.overOrderLimit,
    });
    expect(await cartItemCount(signedIn(viewer))).toBe(4);
  });
});
