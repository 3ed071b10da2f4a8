import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CartErrorCode } from "@/lib/cart/cart-errors";
import { CartProblemCode } from "@/lib/cart/line-problems";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import {
  addCartItem,
  type CartChange,
  cartItemCount,
  getCartView,
  getPurchaseOptions,
  removeCartItem,
  resolveCart,
  setCartItemQuantity,
  type Shopper,
} from "./cart";
import type { ActiveSession } from "./sessions";
import { testUsers } from "./test-users";

requireTestDatabaseUrl();

const productIds: string[] = [];
const guestTokens: string[] = [];

const users = testUsers({
  defaults: { name: "Cart Tester" },
  // Customer carts go with their users; products take their cart lines with them; guest carts are ours to delete.
  cleanUp: async () => {
    await db.cart.deleteMany({ where: { tokenHash: { in: guestTokens.map(hashToken) } } });
    await db.product.deleteMany({ where: { id: { in: productIds } } });
  },
});

type ProductFields = { priceMinor?: number; stock?: number; maxPerOrder?: number; published?: boolean };

/** A product of the suite's own, so its stock, price and limits can be changed freely. */
async function product(fields: ProductFields = {}) {
  const audio = await db.category.findUniqueOrThrow({ where: { slug: "audio" }, select: { id: true } });
  const slug = `vitest-cart-${randomUUID()}`;
  const row = await db.product.create({
    data: {
      slug,
      name: `Cart Test ${slug.slice(-6)}`,
      description: "A product for the cart tests.",
      priceMinor: 1250,
      currency: "USD",
      stock: 50,
      maxPerOrder: 10,
      imagePath: "/products/cart-test.svg",
      categoryId: audio.id,
      ...fields,
    },
    select: { id: true, slug: true },
  });
  productIds.push(row.id);
  return row;
}

async function customer(audience: ActiveSession["audience"] = "customer"): Promise<ActiveSession> {
  const user = await users.createUser(audience === "staff" ? { kind: "staff" } : {});
  return {
    sessionId: "test",
    userId: user.id,
    audience,
    persistent: false,
    secondFactorPending: false,
    reauthenticatedAt: new Date(),
    user: { name: "Cart Tester", email: user.email, emailVerified: true, twoFactorEnabled: false },
  };
}

const guest = (token: string | null = null): Shopper => ({ session: null, guestToken: token });
const signedIn = (session: ActiveSession, guestToken: string | null = null): Shopper => ({ session, guestToken });

function expectOk(change: CartChange): Extract<CartChange, { ok: true }> {
  if (!change.ok) throw new Error(`expected success, got ${change.code}: ${change.message}`);
  return change;
}

/** A guest with a cart holding `quantity` of `productId`; returns the shopper with its cookie token. */
async function guestWith(productId: string, quantity: number): Promise<Shopper> {
  const { guestToken } = expectOk(await addCartItem(guest(), { productId, quantity }));
  if (!guestToken) throw new Error("a new guest cart should come with a token");
  guestTokens.push(guestToken);
  return guest(guestToken);
}

/** Every line of a cart as stored, to prove a refused change wrote nothing. */
async function storedLines(shopper: Shopper) {
  const cartId = await resolveCart(shopper);
  return db.cartItem.findMany({
    where: { cartId: cartId ?? "none" },
    select: { id: true, productId: true, quantity: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
}

describe("adding to a cart", () => {
  it("gives a guest a new cart under a random token of which only the hash is stored", async () => {
    const item = await product();
    const shopper = await guestWith(item.id, 2);
    const token = shopper.guestToken ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cart = await db.cart.findUniqueOrThrow({ where: { tokenHash: hashToken(token) }, select: { tokenHash: true, userId: true } });
    expect(cart).toEqual({ tokenHash: hashToken(token), userId: null });
    expect(JSON.stringify(await db.cart.findMany({ where: { tokenHash: hashToken(token) } }))).not.toContain(token);

    const again = expectOk(await addCartItem(shopper, { productId: item.id, quantity: 3 }));
    expect(again).toEqual({ ok: true, quantity: 5, guestToken: null });
    expect(await cartItemCount(shopper)).toBe(5);
  });

  it("accepts a quantity as the form posts it, as text", async () => {
    const item = await product();
    const shopper = await guestWith(item.id, 1);
    expect(expectOk(await addCartItem(shopper, { productId: item.id, quantity: "2" })).quantity).toBe(3);
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
    const shopper = await guestWith(item.id, 1);
    const before = await storedLines(shopper);
    expect(await addCartItem(shopper, { productId: item.id, quantity })).toEqual({
      ok: false,
      code: CartErrorCode.invalidQuantity,
      message,
    });
    expect(await storedLines(shopper)).toEqual(before);
  });

  it("refuses more than the product's maxPerOrder, counting what is already in the cart", async () => {
    const item = await product({ maxPerOrder: 3, stock: 50 });
    expect(await addCartItem(guest(), { productId: item.id, quantity: 4 })).toMatchObject({
      ok: false,
      code: CartErrorCode.overOrderLimit,
      message: "You can order at most 3 of this product.",
    });
    const shopper = await guestWith(item.id, 2);
    const before = await storedLines(shopper);
    expect(await addCartItem(shopper, { productId: item.id, quantity: 2 })).toMatchObject({
      ok: false,
      code: CartErrorCode.overOrderLimit,
      message: "You can order at most 3 of this product. You already have 2 in your cart.",
    });
    expect(await storedLines(shopper)).toEqual(before);
  });

  it("refuses more than the stock", async () => {
    const item = await product({ maxPerOrder: 10, stock: 4 });
    const shopper = await guestWith(item.id, 3);
    const before = await storedLines(shopper);
    expect(await addCartItem(shopper, { productId: item.id, quantity: 2 })).toMatchObject({
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
      [hidden.id, CartErrorCode.productUnavailable],
      [soldOut.id, CartErrorCode.outOfStock],
    ];
    for (const [productId, code] of cases) {
      expect(await addCartItem(guest(), { productId, quantity: 1 }), productId).toMatchObject({ ok: false, code });
    }
    expect(await db.cartItem.count({ where: { productId: { in: [hidden.id, soldOut.id] } } })).toBe(0);
  });

  it("gives a customer the cart of their account, and no token", async () => {
    const viewer = await customer();
    const item = await product();
    expect(await addCartItem(signedIn(viewer), { productId: item.id, quantity: 2 })).toEqual({
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
    await Promise.all([1, 2, 3].map(() => addCartItem(shopper, { productId: item.id, quantity: 1 })));
    expect(await cartItemCount(shopper)).toBe(3);
  });

  it("makes a new cart under a new token when the cookie's cart is gone", async () => {
    const item = await product();
    const stale = guest(generateToken());
    const { guestToken } = expectOk(await addCartItem(stale, { productId: item.id, quantity: 1 }));
    guestTokens.push(guestToken ?? "");
    expect(guestToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(guestToken).not.toBe(stale.guestToken);
    expect(await db.cart.count({ where: { tokenHash: hashToken(stale.guestToken ?? "") } })).toBe(0);
  });
});

describe("changing and removing lines", () => {
  it("sets a quantity and removes a line", async () => {
    const item = await product();
    const shopper = await guestWith(item.id, 1);
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
    const shopper = await guestWith(item.id, 2);
    expectOk(await addCartItem(shopper, { productId: limited.id, quantity: 1 }));
    const lines = (await getCartView(shopper)).lines;
    const target = code === CartErrorCode.overOrderLimit ? lines[1] : lines[0];
    const before = await storedLines(shopper);
    expect(await setCartItemQuantity(shopper, { itemId: target?.id ?? "", quantity })).toMatchObject({ ok: false, code });
    expect(await storedLines(shopper)).toEqual(before);
  });

  it("refuses to change or remove another cart's item, whoever asks", async () => {
    const item = await product();
    const owner = await customer();
    expectOk(await addCartItem(signedIn(owner), { productId: item.id, quantity: 2 }));
    const [line] = (await getCartView(signedIn(owner))).lines;
    const itemId = line?.id ?? "";
    const before = await storedLines(signedIn(owner));

    const otherGuest = await guestWith(item.id, 1);
    const otherCustomer = signedIn(await customer());
    for (const intruder of [otherGuest, otherCustomer, guest(), guest(generateToken())]) {
      expect(await setCartItemQuantity(intruder, { itemId, quantity: 5 })).toMatchObject({ ok: false, code: CartErrorCode.itemNotFound });
      expect(await removeCartItem(intruder, { itemId })).toMatchObject({ ok: false, code: CartErrorCode.itemNotFound });
    }
    expect(await storedLines(signedIn(owner))).toEqual(before);
    expect(await cartItemCount(otherGuest)).toBe(1);
  });
});

describe("viewing a cart", () => {
  it("reads prices and names from the product every time", async () => {
    const item = await product({ priceMinor: 1000 });
    const shopper = await guestWith(item.id, 3);
    expect((await getCartView(shopper)).subtotals).toEqual([{ amountMinor: 3000, currency: "USD" }]);

    await db.product.update({ where: { id: item.id }, data: { priceMinor: 1299, name: "Renamed Product" } });
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
    const shopper = await guestWith(fewer.id, 5);
    for (const { id } of [gone, soldOut, limited, fine]) expectOk(await addCartItem(shopper, { productId: id, quantity: 4 }));
    await db.product.update({ where: { id: fewer.id }, data: { stock: 2 } });
    await db.product.update({ where: { id: gone.id }, data: { published: false } });
    await db.product.update({ where: { id: soldOut.id }, data: { stock: 0 } });
    await db.product.update({ where: { id: limited.id }, data: { maxPerOrder: 3 } });

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
    const view = await getCartView(await guestWith(item.id, 1));
    expect(Object.keys(view).sort()).toEqual(["hasProblems", "itemCount", "lines", "subtotals"]);
    expect(Object.keys(view.lines[0] ?? {}).sort()).toEqual(
      ["id", "imagePath", "lineTotal", "maxQuantity", "name", "problem", "quantity", "slug", "unitPrice"].sort(),
    );
  });

  it("shows an empty cart to a shopper without a cookie, with a malformed cookie, or signed in as staff", async () => {
    const item = await product();
    const guestCart = await guestWith(item.id, 2);
    const staff = await customer("staff");
    for (const shopper of [guest(), guest("not-a-token"), signedIn(staff), signedIn(staff, guestCart.guestToken)]) {
      expect(await getCartView(shopper)).toEqual({ lines: [], itemCount: 0, subtotals: [], hasProblems: false });
      expect(await cartItemCount(shopper)).toBe(0);
    }
    // Staff never absorb a guest cart, and cannot fill one.
    expect(await cartItemCount(guestCart)).toBe(2);
    expect(await addCartItem(signedIn(staff), { productId: item.id, quantity: 1 })).toMatchObject({
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
    expect(await getPurchaseOptions(few.slug)).toEqual({ productId: few.id, maxQuantity: 3 });
    expect(await getPurchaseOptions(many.slug)).toEqual({ productId: many.id, maxQuantity: 4 });
    expect(await getPurchaseOptions(soldOut.slug)).toEqual({ productId: soldOut.id, maxQuantity: 0 });
    expect(await getPurchaseOptions(hidden.slug)).toBeNull();
  });
});

describe("signing in with a guest cart", () => {
  it("adds the guest cart into the account cart, capped by maxPerOrder and stock, and deletes it", async () => {
    const capped = await product({ maxPerOrder: 3, stock: 50 });
    const scarce = await product({ maxPerOrder: 10, stock: 4 });
    const plain = await product();
    const hidden = await product();
    const viewer = await customer();
    expectOk(await addCartItem(signedIn(viewer), { productId: capped.id, quantity: 2 }));
    expectOk(await addCartItem(signedIn(viewer), { productId: scarce.id, quantity: 3 }));

    const guestCart = await guestWith(capped.id, 2);
    for (const [id, quantity] of [[scarce.id, 3], [plain.id, 2], [hidden.id, 1]] as const) {
      expectOk(await addCartItem(guestCart, { productId: id, quantity }));
    }
    await db.product.update({ where: { id: hidden.id }, data: { published: false } });

    const merged = signedIn(viewer, guestCart.guestToken);
    const quantities = async () =>
      Object.fromEntries((await storedLines(merged)).map((line) => [line.productId, line.quantity]));
    await resolveCart(merged);
    expect(await quantities()).toEqual({ [capped.id]: 3, [scarce.id]: 4, [plain.id]: 2 });
    expect(await db.cart.count({ where: { tokenHash: hashToken(guestCart.guestToken ?? "") } })).toBe(0);

    // The cookie outlives the cart until an action clears it: merging again changes nothing.
    await resolveCart(merged);
    expect(await quantities()).toEqual({ [capped.id]: 3, [scarce.id]: 4, [plain.id]: 2 });
    expect(await cartItemCount(guestCart)).toBe(0);
  });

  it("merges once when two requests race", async () => {
    const item = await product({ maxPerOrder: 10 });
    const viewer = await customer();
    const guestCart = await guestWith(item.id, 2);
    const merged = signedIn(viewer, guestCart.guestToken);
    await Promise.all([cartItemCount(merged), getCartView(merged), resolveCart(merged)]);
    expect(await cartItemCount(signedIn(viewer))).toBe(2);
  });

  it("merges before a change, so the change sees the merged quantities", async () => {
    const item = await product({ maxPerOrder: 5 });
    const viewer = await customer();
    const guestCart = await guestWith(item.id, 4);
    expect(await addCartItem(signedIn(viewer, guestCart.guestToken), { productId: item.id, quantity: 2 })).toMatchObject({
      ok: false,
      code: CartErrorCode.overOrderLimit,
    });
    expect(await cartItemCount(signedIn(viewer))).toBe(4);
  });
});
