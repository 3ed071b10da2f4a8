import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PricingRules } from "@/lib/payments/pricing";

/**
 * The shop's shipping zones, rates and tax rates as the pure pricing
 * (lib/payments/pricing.ts) takes them. Read inside the placing transaction
 * when an order is placed, so the order is priced by the rules as they are
 * at that moment. Public data: no permission is needed to read it.
 */
export async function loadPricingRules(client: Prisma.TransactionClient = db): Promise<PricingRules> {
  const [zones, taxRates, setting] = await Promise.all([
    client.shippingZone.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        restOfWorld: true,
        countries: { select: { country: true }, orderBy: { country: "asc" } },
        rates: {
          orderBy: [{ position: "asc" }, { name: "asc" }],
          select: {
            id: true,
            name: true,
            description: true,
            kind: true,
            amountMinor: true,
            freeFromMinor: true,
            bands: { orderBy: { minGrams: "asc" }, select: { minGrams: true, maxGrams: true, amountMinor: true } },
          },
        },
      },
    }),
    client.taxRate.findMany({ select: { country: true, region: true, basisPoints: true } }),
    client.shopSetting.findUnique({ where: { id: 1 }, select: { pricesIncludeTax: true } }),
  ]);
  return {
    zones: zones.map((zone) => ({ ...zone, countries: zone.countries.map((row) => row.country) })),
    taxRates,
    pricesIncludeTax: setting?.pricesIncludeTax ?? false,
  };
}
