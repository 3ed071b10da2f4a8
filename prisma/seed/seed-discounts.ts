import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The demo's discount code: 10 % off the whole order, no minimum, no end, no limits. */
export const DEMO_DISCOUNT_CODE = "WELCOME10";

/** Seeds the demo discount code unless it exists (a code staff edited or deactivated stays as they left it). */
export async function seedDiscountCodes(db: PrismaClient): Promise<void> {
  await db.discountCode.upsert({
    where: { code: DEMO_DISCOUNT_CODE },
    create: { code: DEMO_DISCOUNT_CODE, kind: "percentage", percentOff: 10, currency: SHOP_CURRENCY },
    update: {},
  });
}
