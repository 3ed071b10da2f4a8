import "server-only";
import { z } from "zod";
import { moneyInputSchema } from "@/lib/catalog/money-input";
import type { ShippingSaveErrorCode } from "@/lib/dal/shipping/staff-shipping";
import { percentToBasisPoints, rateSchema, taxRateSchema, zoneSchema } from "@/lib/shipping/shipping-settings";
import type { ErrorCopy } from "../../pipeline/error-copy";

/**
 * The admin shipping forms as text, read into the fields the DAL takes (and
 * checks again): amounts in the shop's currency ("4.95"), weight bands one per
 * line ("0-1000: 9.95", grams from–to, to exclusive), tax rates in per cent ("19", "8.25").
 */
const MAX_MINOR = 10_000_000;
const id = z.string().regex(/^[a-z0-9]{20,40}$/);

export const zoneIdSchema = z.union([z.literal("new"), id]);
/** "zoneId:rateId", or "zoneId:new": the rate's zone is part of what the page binds, so a rate is only saved in its own zone. */
export const rateRefSchema = z.string().regex(/^[a-z0-9]{20,40}:(new|[a-z0-9]{20,40})$/);
export const taxIdSchema = zoneIdSchema;
export const idSchema = id;

const issuesOf = (result: z.ZodSafeParseResult<unknown>, context: z.RefinementCtx) => {
  for (const issue of result.error?.issues ?? []) context.addIssue({ code: "custom", path: issue.path.slice(0, 1), message: issue.message });
};

export const zoneFormFields = ["name", "countries", "restOfWorld"] as const;
export const zoneFormSchema = z
  .object({ name: z.string(), countries: z.string().max(2000), restOfWorld: z.string() })
  .transform((raw, context) => {
    const countries = raw.countries.split(/[\s,;]+/).filter(Boolean);
    const parsed = zoneSchema.safeParse({ name: raw.name, countries, restOfWorld: raw.restOfWorld === "on" });
    if (!parsed.success) {
      issuesOf(parsed, context);
      return z.NEVER;
    }
    return parsed.data;
  });

const money = moneyInputSchema("amount", MAX_MINOR);
const optionalMoney = z.union([z.literal("").transform(() => null), money]);

/** "0-1000: 9.95" per line. */
function readBands(text: string, context: z.RefinementCtx) {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.flatMap((line) => {
    const match = /^(\d{1,7})\s*-\s*(\d{1,7})\s*:\s*(\S+)$/.exec(line);
    const amount = match ? money.safeParse(match[3]) : null;
    if (!match || !amount?.success) {
      context.addIssue({ code: "custom", path: ["bands"], message: `Write each band as "from-to: price" in grams, e.g. "0-1000: 9.95" (not "${line.slice(0, 40)}").` });
      return [];
    }
    return [{ minGrams: Number(match[1]), maxGrams: Number(match[2]), amountMinor: amount.data }];
  });
}

export const rateFormFields = ["name", "description", "kind", "amount", "freeFrom", "bands"] as const;
export const rateFormSchema = z
  .object({ name: z.string(), description: z.string(), kind: z.string(), amount: z.string().max(20), freeFrom: z.string().max(20), bands: z.string().max(2000) })
  .transform((raw, context) => {
    const weight = raw.kind === "weight";
    const amount = weight ? { success: true as const, data: 0 } : money.safeParse(raw.amount);
    if (!amount.success) context.addIssue({ code: "custom", path: ["amount"], message: amount.error.issues[0]?.message ?? "Check the price." });
    const freeFrom = raw.kind === "free_over" ? money.safeParse(raw.freeFrom) : optionalMoney.safeParse("");
    if (!freeFrom.success) context.addIssue({ code: "custom", path: ["freeFrom"], message: freeFrom.error.issues[0]?.message ?? "Check the amount." });
    const bands = weight ? readBands(raw.bands, context) : [];
    const parsed = rateSchema.safeParse({
      name: raw.name,
      description: raw.description,
      kind: raw.kind,
      amountMinor: amount.success ? amount.data : 0,
      freeFromMinor: freeFrom.success ? freeFrom.data : null,
      bands,
    });
    if (!parsed.success) issuesOf(parsed, context);
    if (!parsed.success || !amount.success || !freeFrom.success) return z.NEVER;
    return parsed.data;
  });

export const taxFormFields = ["country", "region", "percent"] as const;
export const taxFormSchema = z.object({ country: z.string(), region: z.string(), percent: z.string().max(10) }).transform((raw, context) => {
  const basisPoints = percentToBasisPoints(raw.percent);
  if (Number.isNaN(basisPoints)) {
    context.addIssue({ code: "custom", path: ["percent"], message: "Enter the rate in per cent, e.g. 19 or 8.25 (never negative)." });
    return z.NEVER;
  }
  const parsed = taxRateSchema.safeParse({ country: raw.country, region: raw.region, basisPoints });
  if (!parsed.success) {
    issuesOf(parsed, context);
    return z.NEVER;
  }
  return parsed.data;
});

/** A refused save as the form shows it. */
export const shippingSaveErrors: Record<ShippingSaveErrorCode, ErrorCopy> = {
  not_found: "This no longer exists (or belongs to another zone): reload the page.",
  invalid: "Check the values entered.",
  country_taken: { field: "countries", message: "A country is already in another zone: remove it there first." },
  rest_of_world_taken: { field: "restOfWorld", message: "Another zone already serves the rest of the world." },
  name_taken: { field: "name", message: "That name is already used (or that country and region already have a rate)." },
};
