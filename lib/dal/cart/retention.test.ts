import { describe, expect, it } from "vitest";
import { generateToken, hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { sweepStaleGuestCarts } from "./retention";
import { testUsers } from "@/lib/dal/test-users";

requireTestDatabaseUrl();

const users = testUsers({ defaults: { name: "Retention Tester" } });

describe("retention sweep", () => {
  it("deletes guest carts older than their cookie, and keeps recent ones and customers' carts", async () => {
    const day = 86_400_000;
    const guestCart = (updatedAt: Date) => db.cart.create({ data: { tokenHash: hashToken(generateToken()), updatedAt }, select: { id: true } });
    const stale = await guestCart(new Date(Date.now() - 31 * day));
    const recent = await guestCart(new Date(Date.now() - 29 * day));
    const customer = await users.createUser();
    const own = await db.cart.create({ data: { userId: customer.id, updatedAt: new Date(Date.now() - 365 * day) }, select: { id: true } });

    expect(await sweepStaleGuestCarts()).toBeGreaterThanOrEqual(1);
    const left = await db.cart.findMany({ where: { id: { in: [stale.id, recent.id, own.id] } }, select: { id: true } });
    expect(left.map((cart) => cart.id).sort()).toEqual([recent.id, own.id].sort());
    await db.cart.delete({ where: { id: recent.id } });
  });
});
