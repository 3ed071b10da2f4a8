import { describe, expect, it } from "vitest";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { isEncryptedEnvelope } from "@/lib/crypto/field-encryption";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { testGateway } from "@/lib/payment-gateway/test-gateway";
import { guestOrderEmailIndex } from "@/lib/dal/accounts/guest-orders";
import { CheckoutError } from "./checkout-errors";
import { getGuestOrder, startGuestPayment } from "./guest-checkout";
import { openGuestEmail } from "./guest-contact";
import { guestFixtures } from "./guest-test-fixtures";
import { OrderLimitError } from "./limits";
import { getOrderForStaff, listOrdersForStaff } from "./staff-orders";
import { orderFixtures, testCheckoutSettings } from "./test-fixtures";

requireTestDatabaseUrl();

const { createProduct, customer, staffMember, stockOf } = orderFixtures();
const { guest, refill, guestEmail, order } = guestFixtures();
const urls = (orderId: string) => ({ successUrl: `http://shop.test/ok/${orderId}`, cancelUrl: `http://shop.test/back/${orderId}` });

describe("guest checkout", () => {
  it("orders the guest cart at database prices, reserves stock, and stores the email only encrypted and indexed", async () => {
    const speaker = await createProduct({ priceMinor: 2500, stock: 5 });
    const shopper = await guest([{ variantId: speaker.variantId, quantity: 2 }]);
    const email = guestEmail();

    const { orderId } = await order(shopper, email);

    const row = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { guestContact: true } });
    expect(row).toMatchObject({ userId: null, subtotalMinor: 5000, shippingMinor: 500, taxMinor: 550, totalMinor: 6050 });
    expect(await stockOf(speaker.variantId)).toBe(3);
    expect(await db.cartItem.count({ where: { cart: { tokenHash: hashToken(shopper.guestToken ?? "") } } })).toBe(0);
    const contact = row.guestContact;
    expect(contact && isEncryptedEnvelope(contact.email)).toBe(true);
    expect(contact?.email).not.toContain(normalizeEmail(email));
    expect(contact && openGuestEmail(contact)).toBe(normalizeEmail(email));
    expect(contact?.emailIndex).toBe(guestOrderEmailIndex(normalizeEmail(email)));
    expect(contact?.cartTokenHash).toBe(hashToken(shopper.guestToken ?? ""));
    // The ciphertext is bound to its order: moved to another order's row, it no longer opens.
    expect(contact && openGuestEmail({ orderId: "another-order", email: contact.email })).toBeNull();
  });

  it("refuses a signed-in shopper, a browser without a cart, and lines over the per-order maximum", async () => {
    const lamp = await createProduct({ stock: 10, maxPerOrder: 2 });
    const signedIn = { session: await customer(), guestToken: null };
    await expect(order(signedIn, guestEmail())).rejects.toMatchObject({ code: "signed_in" });
    await expect(order({ session: null, guestToken: null }, guestEmail())).rejects.toMatchObject({ code: "cart_empty" });
    await expect(order({ session: null, guestToken: "not-a-token" }, guestEmail())).rejects.toMatchObject({ code: "cart_empty" });
    const greedy = await guest([{ variantId: lamp.variantId, quantity: 3 }]);
    await expect(order(greedy, guestEmail())).rejects.toThrow(CheckoutError);
    expect(await stockOf(lamp.variantId)).toBe(10);
  });

  it("never reaches an account's cart through a guest token", async () => {
    const buyer = await customer();
    const product = await createProduct();
    const token = generateToken();
    // An account's cart whose tokenHash somehow matches: the guest filter (userId IS NULL) still refuses it.
    await db.cart.create({ data: { userId: buyer.userId, tokenHash: hashToken(token), items: { create: [{ variantId: product.variantId, quantity: 1 }] } } });
    await expect(order({ session: null, guestToken: token }, guestEmail())).rejects.toMatchObject({ code: "cart_empty" });
    await db.cart.delete({ where: { userId: buyer.userId } });
  });

  it("holds guests to the per-address cap on unpaid orders", async () => {
    const product = await createProduct({ stock: 10 });
    const settings = { ...testCheckoutSettings, limits: { ...testCheckoutSettings.limits, openOrdersPerAddress: 2 } };
    const ip = "203.0.113.91";
    for (let i = 0; i < 2; i += 1) await order(await guest([{ variantId: product.variantId, quantity: 1 }]), guestEmail(), ip, settings);
    const third = order(await guest([{ variantId: product.variantId, quantity: 1 }]), guestEmail(), ip, settings);
    await expect(third).rejects.toBeInstanceOf(OrderLimitError);
    await expect(third).rejects.toMatchObject({ code: "too_many_open_orders_from_address" });
    expect(await stockOf(product.variantId)).toBe(8);
  });

  it("holds one guest cart to the per-account caps", async () => {
    const product = await createProduct({ stock: 20 });
    const shopper = await guest([{ variantId: product.variantId, quantity: 1 }]);
    for (let i = 0; i < 3; i += 1) {
      if (i > 0) await refill(shopper, [{ variantId: product.variantId, quantity: 1 }]);
      await order(shopper, guestEmail());
    }
    await refill(shopper, [{ variantId: product.variantId, quantity: 1 }]);
    await expect(order(shopper, guestEmail())).rejects.toMatchObject({ code: "too_many_open_orders" });
  });
});

describe("a guest's order before the mail arrives", () => {
  it("shows only in the browser whose cart placed it: another guest, a customer, or no cookie gets nothing", async () => {
    const product = await createProduct();
    const mine = await guest([{ variantId: product.variantId, quantity: 1 }]);
    const theirs = await guest([{ variantId: product.variantId, quantity: 1 }]);
    const { orderId } = await order(mine, guestEmail());

    expect((await getGuestOrder(mine, orderId))?.id).toBe(orderId);
    expect(await getGuestOrder(theirs, orderId)).toBeNull();
    expect(await getGuestOrder({ session: null, guestToken: null }, orderId)).toBeNull();
    expect(await getGuestOrder({ session: await customer(), guestToken: mine.guestToken }, orderId)).toBeNull();

    expect(await startGuestPayment(theirs, orderId, testGateway, urls)).toBeNull();
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { checkoutSessionId: true } })).toEqual({ checkoutSessionId: null });
    const page = await startGuestPayment(mine, orderId, testGateway, urls);
    expect(page?.url).toMatch(/\/test-gateway\/cs_test_/);
  });
});

describe("a guest order in the admin", () => {
  it("names the guest by their email, masked", async () => {
    const product = await createProduct();
    const { orderId, number } = await order(await guest([{ variantId: product.variantId, quantity: 1 }]), "  Wanda.Guest@Example.TEST ");
    const support = await staffMember("support");
    const { orders } = await listOrdersForStaff(support, { number, page: 1 });
    expect(orders.map((row) => row.customer)).toEqual([expect.stringMatching(/^Guest · /)]);
    const detail = await getOrderForStaff(support, orderId);
    expect(detail?.customer).toBe(orders[0]?.customer);
    expect(detail?.customer).not.toContain("wanda.guest");
    expect(detail?.customerId).toBeNull();
  });
});
