import { z } from "zod";
import { isCountryCode } from "@/lib/addresses/countries";
import { RATE_KINDS, type WeightBand } from "@/lib/payments/pricing";

/**
 * What staff may save of the shipping zones, rates and tax rates, checked by
 * the admin actions (field errors) and again by the DAL (whoever calls it).
 * Amounts are whole minor units, weights whole grams, tax rates basis points.
 */
const MAX_MINOR = 10_000_000;
const MAX_GRAMS = 1_000_000;

const minor = (label: string) =>
  z.number({ error: `${label}: enter an amount.` }).int(`${label}: whole cents only.`).min(0, `${label} cannot be negative.`).max(MAX_MINOR, `${label} is too large.`);

const name = z.string().trim().min(1, "Enter a name.").max(60, "At most 60 characters.");

export const zoneSchema = z.object({
  name,
  countries: z
    .array(z.string().trim().toUpperCase().refine(isCountryCode, "Unknown country code: use two letters, e.g. DE."))
    .max(300)
    .refine((codes) => new Set(codes).size === codes.length, "A country is listed twice."),
  restOfWorld: z.boolean(),
});
export type ZoneFields = z.infer<typeof zoneSchema>;

/** Bands never overlap: sorted by their start, each starts at or after the previous one's end. */
export function overlappingBands(bands: readonly WeightBand[]): boolean {
  const sorted = [...bands].sort((a, b) => a.minGrams - b.minGrams);
  return sorted.some((band, index) => index > 0 && band.minGrams < (sorted[index - 1]?.maxGrams ?? 0));
}

const bandSchema = z
  .object({
    minGrams: z.number().int("Whole grams only.").min(0, "A weight cannot be negative.").max(MAX_GRAMS),
    maxGrams: z.number().int("Whole grams only.").min(1).max(MAX_GRAMS),
    amountMinor: minor("A band's price"),
  })
  .refine((band) => band.maxGrams > band.minGrams, { message: "A band must end above where it starts.", path: ["maxGrams"] });

export const rateSchema = z
  .object({
    name,
    description: z.string().trim().max(120, "At most 120 characters."),
    kind: z.enum(RATE_KINDS, { error: "Choose how the rate is priced." }),
    amountMinor: minor("The price"),
    freeFromMinor: minor("The free-from subtotal").nullable(),
    bands: z.array(bandSchema).max(20, "At most 20 weight bands."),
  })
  .superRefine((rate, context) => {
    if (rate.kind === "free_over" && rate.freeFromMinor === null) context.addIssue({ code: "custom", path: ["freeFromMinor"], message: "Enter the subtotal from which shipping is free." });
    if (rate.kind === "weight" && rate.bands.length === 0) context.addIssue({ code: "custom", path: ["bands"], message: "Enter at least one weight band." });
    if (rate.kind === "weight" && overlappingBands(rate.bands)) context.addIssue({ code: "custom", path: ["bands"], message: "Weight bands overlap: each must start at or after the previous one ends." });
  })
  .transform((rate) => ({
    ...rate,
    // One meaning per kind: what the kind does not use is not stored.
    amountMinor: rate.kind === "weight" ? 0 : rate.amountMinor,
    freeFromMinor: rate.kind === "free_over" ? rate.freeFromMinor : null,
    bands: rate.kind === "weight" ? [...rate.bands].sort((a, b) => a.minGrams - b.minGrams) : [],
  }));
export type RateFields = z.output<typeof rateSchema>;
export type RateInput = z.input<typeof rateSchema>;

export const taxRateSchema = z.object({
  country: z.string().trim().toUpperCase().refine(isCountryCode, "Choose a country."),
  region: z.string().trim().max(100, "At most 100 characters."),
  basisPoints: z.number({ error: "Enter a rate." }).int("At most two decimals (basis points).").min(0, "A tax rate cannot be negative.").max(10_000, "At most 100 %."),
});
export type TaxRateFields = z.infer<typeof taxRateSchema>;

/** "12.5" (per cent, as staff type it) in basis points, or NaN. */
export function percentToBasisPoints(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return Number.NaN;
  const [whole = "0", fraction = ""] = trimmed.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
