import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Discount codes of one suite, each with a fresh code (suites run in
 * parallel on one database). Uses and codes are deleted after the file, before
 * the orders' own clean-up (uses block deleting a code, never an order).
 */
export function discountFixtures() {
  const ids: string[] = [];
  afterAll(async () => {
    await db.discountRedemption.deleteMany({ where: { discountCodeId: { in: ids } } });
    await db.discountCode.deleteMany({ where: { id: { in: ids } } });
  });

  /** A 10 % code on the whole order in USD, with `fields` overriding. */
  async function createCode(fields: Partial<Prisma.DiscountCodeUncheckedCreateInput> = {}) {
    const code = `T${randomBytes(6).toString("hex").toUpperCase()}`;
    const row = await db.discountCode.create({
      data: { code, kind: "percentage", percentOff: 10, currency: "USD", ...fields },
      select: { id: true, code: true },
    });
    ids.push(row.id);
    return row;
  }

  const usesOf = (discountCodeId: string) =>
    db.discountRedemption.findMany({ where: { discountCodeId }, select: { orderId: true, status: true, amountMinor: true, userId: true } });

  return { createCode, usesOf };
}
