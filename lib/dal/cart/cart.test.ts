import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CartErrorCode } from "@/lib/cart/cart-errors";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import {
  addCartItem,
  cartItemCount,
  getCartView,
  removeCartItem,
  setCartItemQuantity,
} from "./cart";
import { cartFixtures, expectOk, guest, signedIn, storedLines } from "./test-fixtures";

requireTestDatabaseUrl();

const { guestTokens, product, customer, guestWith } = cartFixtures();

describe("adding to a cart", () => {
  it("gives a guest a new cart under a random token of which only the hash is stored", async () => {
    const item = await product();
    const shopper = await guestWith(item.variantId, 2);
    const token = shopper.guestToken ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cart = await db.cart.findUniqueOrThrow({ where: { tokenHash: hashToken(token) }, select: { tokenHash: true, userId: true } });
    expect(cart).toEqual({ tokenHash: hashToken(token), userId: null });
    expect(JSON.stringify(await db.cart.findMany({ where: { tokenHash: hashToken(token) } }))).not.toContain(token);

    const again = expectOk(await addCartItem(shopper, { variantId: item.variantId, quantity: 3 }));
    expect(again).toEqual({ ok: true, quantity: 5, guestToken: null });
    expect(await cartItemCount(shopper)).toBe(5);
  });

  it("accepts a quantity as the form posts it, as text", async () => {
    const item = await product();
    const shopper = await guestWith(item.variantId, 1);
    expect(expectOk(await addCartItem(shopper, { variantId: item.variantId, quantity: "2" })).quantity).toBe(3);
  });

  it.each([
    ["zero", 0, "Enter a quantity of at least 1."],
    ["negative", -1, "Enter a quantity of at least 1."],
    ["fractional", 1.5, "Enter a whole number."],
    ["huge", 1e9, "Enter a quantity of at most 999."],
    ["not a number", "two", "Enter a quantity."],
    ["empty", "", "Enter a quantity of at least 1."],
  ])("refuses a %s quantity and changes nothing", async (_, quantity, message) => {
    const item = await product();
    const shopper = await guestWith(item.variantId, 1);
    const before = await storedLines(shopper);
    expect(await addCartItem(shopper, { variantId: item.variantId, quantity })).toEqual({
      ok: false,
      code: CartErrorCode.invalidQuantity,
      message,
    });
    expect(await storedLines(shopper)).toEqual(before);
  });

  it("refuses more than the product's maxPerOrder, counting what is already in the cart", async () => {
    const item = await product({ maxPerOrder: 3, stock: 50 });
    expect(await addCartItem(guest(), { variantId: item.variantId, quantity: 4 })).toMatchObject({
      ok: false,
      code: CartErrorCode.overOrderLimit,
      message: "You can order at most 3 of this product.",
    });
    const shopper = await guestWith(item.variantId, 2);
    const before = await storedLines(shopper);
    expect(await addCartItem(shopper, { variantId: item.variantId, quantity: 2 })).toMatchObject({
      ok: false,
      code: CartErrorCode.overOrderLimit,
      message: "You can order at most 3 of this product. You already have 2 in your cart.",
    });
    expect(await storedLines(shopper)).toEqual(before);
  });

  it("refuses more than the stock", async () => {
    const item = await product({ maxPerOrder: 10, stock: 4 });
    const shopper = await guestWith(item.variantId, 3);
    const before = await storedLines(shopper);
    expect(await addCartItem(shopper, { variantId: item.variantId, quantity: 2 })).toMatchObject({
      ok: false,
      code: CartErrorCode.overStock,
      message: "Only 4 left in stock. You already have 3 in your cart.",
    });
    expect(await storedLines(shopper)).toEqual(before);
  });

  it("refuses an unknown, an unpublished and a sold-out product, adding nothing", async () => {
    const hidden = await product({ published: false });
    const soldOut = await product({ stock: 0 });
    const cases: Array<[string, string]> = [
      [`no-such-product-${randomUUID().slice(0, 8)}`, CartErrorCode.productUnavailable],
      ["x".repeat(41), CartErrorCode.productUnavailable],
      [hidden.variantId, CartErrorCode.productUnavailable],
      [soldOut.variantId, CartErrorCode.outOfStock],
    ];
    for (const [variantId, code] of cases) {
      expect(await addCartItem(guest(), { variantId, quantity: 1 }), variantId).toMatchObject({ ok: false, code });
    }
    expect(await db.cartItem.count({ where: { variantId: { in: [hidden.variantId, soldOut.variantId] } } })).toBe(0);
  });

  it("gives a customer the cart of their account, and no token", async () => {
    const viewer = await customer();
    const item = await product();
    expect(await addCartItem(signedIn(viewer), { variantId: item.variantId, quantity: 2 })).toEqual({
      ok: true,
      quantity: 2,
      guestToken: null,
    });
    const cart = await db.cart.findUniqueOrThrow({ where: { userId: viewer.userId }, select: { tokenHash: true } });
    expect(cart.tokenHash).toBeNull();
    expect(await cartItemCount(signedIn(viewer))).toBe(2);
  });

  it("adds up two adds sent at the same time instead of losing one", async () => {
    const viewer = await customer();
    const item = await product();
    const shopper = signedIn(viewer);
    await Promise.all([1, 2, 3].map(() => addCartItem(shopper, { variantId: item.variantId, quantity: 1 })));
    expect(await cartItemCount(shopper)).toBe(3);
  });

  it("makes a new cart under a new token when the cookie's cart is gone", async () => {
    const item = await product();
    const stale = guest(generateToken());
    const { guestToken } = expectOk(await addCartItem(stale, { variantId: item.variantId, quantity: 1 }));
    guestTokens.push(guestToken ?? "");
    expect(guestToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(guestToken).not.toBe(stale.guestToken);
    expect(await db.cart.count({ where: { tokenHash: hashToken(stale.guestToken ?? "") } })).toBe(0);
  });
});

describe("changing and removing lines", () => {
  it("sets a quantity and removes a line", async () => {
    const item = await product();
    const shopper = await guestWith(item.variantId, 1);
    const [line] = (await getCartView(shopper)).lines;
    expect(await setCartItemQuantity(shopper, { itemId: line?.id ?? "", quantity: 4 })).toEqual({
      ok: true,
      quantity: 4,
      guestToken: null,
    });
    expect(await cartItemCount(shopper)).toBe(4);
    expect(await removeCartItem(shopper, { itemId: line?.id ?? "" })).toMatchObject({ ok: true });
    expect((await getCartView(shopper)).lines).toEqual([]);
    expect(await removeCartItem(shopper, { itemId: line?.id ?? "" })).toMatchObject({ ok: false, code: CartErrorCode.itemNotFound });
  });

  it.each([
    ["zero", 0, CartErrorCode.invalidQuantity],
    ["negative", -3, CartErrorCode.invalidQuantity],
    ["fractional", 1.5, CartErrorCode.invalidQuantity],
    ["huge", 1e9, CartErrorCode.invalidQuantity],
    ["above maxPerOrder", 4, CartErrorCode.overOrderLimit],
    ["above stock", 6, CartErrorCode.overStock],
  ])("refuses a %s quantity and changes nothing", async (_, quantity, code) => {
    // maxPerOrder above the stock: the stock is what stops 6, the limit what stops 4.
    const item = await product({ maxPerOrder: 8, stock: 5 });
    const limited = await product({ maxPerOrder: 3, stock: 50 });
    const shopper = await guestWith(item.variantId, 2);
    expectOk(await addCartItem(shopper, { variantId: limited.variantId, quantity: 1 }));
    const lines = (await getCartView(shopper)).lines;
    const target = code === CartErrorCode.overOrderLimit ? lines[1] : lines[0];
    const before = await storedLines(shopper);
    expect(await setCartItemQuantity(shopper, { itemId: target?.id ?? "", quantity })).toMatchObject({ ok: false, code });
    expect(await storedLines(shopper)).toEqual(before);
  });

  it("refuses to change or remove another cart's item, whoever asks", async () => {
    const item = await product();
    const owner = await customer();
    expectOk(await addCartItem(signedIn(owner), { variantId: item.variantId, quantity: 2 }));
    const [line] = (await getCartView(signedIn(owner))).lines;
    const itemId = line?.id ?? "";
    const before = await storedLines(signedIn(owner));

    const otherGuest = await guestWith(item.variantId, 1);
    const otherCustomer = signedIn(await customer());
    for (const intruder of [otherGuest, otherCustomer, guest(), guest(generateToken())]) {
      expect(await setCartItemQuantity(intruder, { itemId, quantity: 5 })).toMatchObject({ ok: false, code: CartErrorCode.itemNotFound });
      expect(await removeCartItem(intruder, { itemId })).toMatchObject({ ok: false, code: CartErrorCode.itemNotFound });
    }
    expect(await storedLines(signedIn(owner))).toEqual(before);
    expect(await cartItemCount(otherGuest)).toBe(1);
  });
});
