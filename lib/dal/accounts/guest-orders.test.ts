import { describe, expect, it } from "vitest";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { guestFixtures } from "@/lib/dal/orders/guest-test-fixtures";
import { listMyOrders } from "@/lib/dal/orders/my-orders";
import { orderFixtures } from "@/lib/dal/orders/test-fixtures";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { confirmEmail } from "./email-verification";
import { issueAccountToken } from "./internal/tokens";

requireTestDatabaseUrl();

const { createProduct, users } = orderFixtures();
const { guest, guestEmail, order } = guestFixtures();
const context = { ip: "203.0.113.5", userAgent: "vitest" };

async function guestOrder(email: string) {
  const product = await createProduct();
  return (await order(await guest([{ variantId: product.variantId, quantity: 1 }]), email)).orderId;
}

const ownerOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { userId: true } })).userId;
const contactCount = (orderId: string) => db.guestOrderContact.count({ where: { orderId } });
const verifyLink = (userId: string, email: string) =>
  db.$transaction((tx) => issueAccountToken(tx, { userId, purpose: "verify_email", email }));
const viewerOf = (userId: string) => ({ userId }) as ActiveSession;

describe("guest orders joining an account", () => {
  it("wait for the address to be proven: an unverified sign-up with the same email gets nothing, its confirmation gets them", async () => {
    const typed = guestEmail();
    const first = await guestOrder(typed);
    const second = await guestOrder(typed);
    const account = await users.createUser({ email: normalizeEmail(typed), emailVerifiedAt: null });

    expect(await ownerOf(first)).toBeNull();
    expect(await listMyOrders(viewerOf(account.id))).toEqual([]);

    await expect(confirmEmail(await verifyLink(account.id, account.email), context)).resolves.toBe("verified");

    expect(await ownerOf(first)).toBe(account.id);
    expect(await ownerOf(second)).toBe(account.id);
    expect((await listMyOrders(viewerOf(account.id))).map((row) => row.id).sort()).toEqual([first, second].sort());
    // The account's address now stands for the guest's: the encrypted copy is gone.
    expect(await contactCount(first)).toBe(0);
  });

  it("leave other addresses' guest orders alone, and a failed confirmation attaches nothing", async () => {
    const someoneElse = await guestOrder(guestEmail());
    const account = await users.createUser({ email: users.newEmail(), emailVerifiedAt: null });
    await expect(confirmEmail("not-a-valid-link", context)).resolves.toBe("invalid");
    await expect(confirmEmail(await verifyLink(account.id, account.email), context)).resolves.toBe("verified");
    expect(await ownerOf(someoneElse)).toBeNull();
    expect(await contactCount(someoneElse)).toBe(1);
  });

  it("follow an existing account that proves a changed address", async () => {
    const typed = guestEmail();
    const orderId = await guestOrder(typed);
    const account = await users.createUser({ email: users.newEmail(), emailVerifiedAt: new Date() });
    users.emails.push(normalizeEmail(typed));

    await expect(confirmEmail(await verifyLink(account.id, normalizeEmail(typed)), context)).resolves.toBe("changed");
    expect(await ownerOf(orderId)).toBe(account.id);
  });
});
