import { formatMoney } from "@/lib/catalog/money";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The EU member states and their standard VAT rates (basis points), for the demo's EU zone. */
export const EU_VAT: Readonly<Record<string, number>> = {
  AT: 2000, BE: 2100, BG: 2000, HR: 2500, CY: 1900, CZ: 2100, DK: 2500, EE: 2200, FI: 2550, FR: 2000, DE: 1900, GR: 2400, HU: 2700, IE: 2300,
  IT: 2200, LV: 2100, LT: 2100, LU: 1700, MT: 1800, NL: 2100, PL: 2300, PT: 2300, RO: 2100, SK: 2300, SI: 2200, ES: 2100, SE: 2500,
};

/** Demo tax outside the EU: none in the US as a country, state rates for a few states, and two other countries. */
const OTHER_TAX: readonly { country: string; region: string; basisPoints: number }[] = [
  { country: "US", region: "CA", basisPoints: 725 },
  { country: "US", region: "NY", basisPoints: 400 },
  { country: "US", region: "TX", basisPoints: 625 },
  { country: "GB", region: "", basisPoints: 2000 },
  { country: "CA", region: "", basisPoints: 500 },
];

const bands = (...rows: [number, number, number][]) => ({ create: rows.map(([minGrams, maxGrams, amountMinor]) => ({ minGrams, maxGrams, amountMinor })) });

/**
 * Seeds the demo's shipping zones and tax rates, once: a domestic zone (US),
 * an EU zone and the rest of the world. When any zone exists the shop's own
 * (staff edited) zones and taxes are left exactly as they are.
 */
export async function seedShipping(db: PrismaClient): Promise<void> {
  await db.shopSetting.upsert({ where: { id: 1 }, create: { id: 1, pricesIncludeTax: false }, update: {} });
  if ((await db.shippingZone.count()) > 0) return;
  await db.$transaction(async (tx) => {
    await tx.shippingZone.create({
      data: {
        name: "Domestic",
        countries: { create: [{ country: "US" }] },
        rates: {
          create: [
            { name: "Standard", description: `3–5 working days, free from ${formatMoney({ amountMinor: 15_000, currency: SHOP_CURRENCY })}`, kind: "free_over", amountMinor: 495, freeFromMinor: 15_000, position: 0 },
            { name: "Express", description: "1–2 working days", kind: "flat", amountMinor: 1495, position: 1 },
          ],
        },
      },
    });
    await tx.shippingZone.create({
      data: {
        name: "European Union",
        countries: { create: Object.keys(EU_VAT).map((country) => ({ country })) },
        rates: {
          create: [
            { name: "EU Standard", description: "5–8 working days, by weight", kind: "weight", position: 0, bands: bands([0, 2000, 995], [2000, 10_000, 1995], [10_000, 30_000, 3995]) },
            { name: "EU Express", description: "2–3 working days", kind: "flat", amountMinor: 2995, position: 1 },
          ],
        },
      },
    });
    await tx.shippingZone.create({
      data: {
        name: "Rest of the world",
        restOfWorld: true,
        rates: {
          create: [{ name: "International", description: "7–14 working days, by weight", kind: "weight", position: 0, bands: bands([0, 2000, 1995], [2000, 10_000, 3995], [10_000, 30_000, 7995]) }],
        },
      },
    });
    await tx.taxRate.createMany({
      data: [...Object.entries(EU_VAT).map(([country, basisPoints]) => ({ country, region: "", basisPoints })), ...OTHER_TAX],
      skipDuplicates: true,
    });
  });
}
