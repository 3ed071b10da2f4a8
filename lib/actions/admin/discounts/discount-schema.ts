import "server-only";
import { z } from "zod";
import { moneyInputSchema } from "@/lib/catalog/money-input";
import type { DiscountFields } from "@/lib/dal/discounts/staff-discount-save";
import { DISCOUNT_CODE_PATTERN, normaliseDiscountCode } from "@/lib/discounts/discount-rules";

/** The text inputs of the discount form; nothing else is read from it (categories: the checked boxes). */
export const discountTextFields = ["discountCode", "kind", "percentOff", "amountOff", "minSubtotal", "startsOn", "endsOn", "totalLimit", "perCustomerLimit"] as const;

const MAX_AMOUNT_MINOR = 100_000_000;
const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal("").transform(() => null), schema]);
const wholeNumber = (max: number, message: string) =>
  z.string().trim().regex(/^\d{1,7}$/, message).transform(Number).refine((value) => value >= 1 && value <= max, message);
/** A calendar day (YYYY-MM-DD), read as midnight UTC of that day. */
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.").transform((text) => new Date(`${text}T00:00:00Z`)).refine((date) => !Number.isNaN(date.getTime()), "Enter a real date.");
const DAY_MS = 86_400_000;

export const discountSchema = z
  .object({
    discountCode: z.string().transform(normaliseDiscountCode).pipe(z.string().regex(DISCOUNT_CODE_PATTERN, "Use 3–32 letters, digits, dashes or underscores, starting with a letter or digit.")),
    kind: z.enum(["percentage", "fixed_amount"], { error: "Choose a percentage or a fixed amount." }),
    percentOff: z.string().trim(),
    amountOff: z.string().trim(),
    minSubtotal: optional(moneyInputSchema("amount", MAX_AMOUNT_MINOR)),
    startsOn: optional(day),
    endsOn: optional(day),
    totalLimit: optional(wholeNumber(1_000_000, "Enter a whole number from 1, or leave it empty for no limit.")),
    perCustomerLimit: optional(wholeNumber(1000, "Enter a whole number from 1 to 1,000, or leave it empty for no limit.")),
    categoryIds: z.array(z.string().min(1).max(40)).max(100),
  })
  .transform((input, context): DiscountFields => {
    const percent = input.kind === "percentage" ? wholeNumber(100, "Enter a whole percentage from 1 to 100.").safeParse(input.percentOff) : null;
    const amount = input.kind === "fixed_amount" ? moneyInputSchema("amount", MAX_AMOUNT_MINOR).safeParse(input.amountOff) : null;
    if (percent && !percent.success) context.addIssue({ code: "custom", path: ["percentOff"], message: percent.error.issues[0]?.message ?? "Check the percentage." });
    if (amount && !amount.success) context.addIssue({ code: "custom", path: ["amountOff"], message: amount.error.issues[0]?.message ?? "Check the amount." });
    if (amount?.success && amount.data < 1) context.addIssue({ code: "custom", path: ["amountOff"], message: "Enter an amount above zero." });
    // "Until" is inclusive: the code works through that whole day (UTC).
    const endsAt = input.endsOn ? new Date(input.endsOn.getTime() + DAY_MS) : null;
    if (input.startsOn && endsAt && input.startsOn >= endsAt) context.addIssue({ code: "custom", path: ["endsOn"], message: "End on or after the start date." });
    return {
      code: input.discountCode,
      kind: input.kind,
      percentOff: percent?.success ? percent.data : null,
      amountOffMinor: amount?.success ? amount.data : null,
      minSubtotalMinor: input.minSubtotal,
      startsAt: input.startsOn,
      endsAt,
      totalLimit: input.totalLimit,
      perCustomerLimit: input.perCustomerLimit,
      categoryIds: input.categoryIds,
    };
  });

/** How the discount form is read: the fields above by name, and the checked categories. What was typed is echoed. */
export const discountFormInput = {
  fields: discountTextFields,
  extra: (formData: FormData) => ({ categoryIds: formData.getAll("categoryIds").filter((value): value is string => typeof value === "string") }),
  schema: discountSchema,
  echo: (raw: Record<string, string>, formData: FormData) => ({
    ...Object.fromEntries(discountTextFields.map((name) => [name, (raw[name] ?? "").slice(0, 40)])),
    categoryIds: formData.getAll("categoryIds").filter((value) => typeof value === "string").join(",").slice(0, 2000),
  }),
};

/** A discount id bound to an action: client-controlled like any argument, so checked. */
export const discountIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
