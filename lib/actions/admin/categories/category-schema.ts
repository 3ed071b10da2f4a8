import "server-only";
import { z } from "zod";
import type { CategoryFields } from "@/lib/dal/catalog/staff-categories";
import { optionalSingleLine, SINGLE_LINE } from "../text-fields";

/** The text inputs of the category form; nothing else is read from it. */
export const categoryTextFields = ["name", "slug", "description", "metaTitle", "metaDescription"] as const;


export const categorySchema = z.object({
  name: z.string().trim().min(1, { message: "Enter a name.", abort: true }).max(80, "Use at most 80 characters.").regex(SINGLE_LINE, "Use one line of text."),
  slug: z
    .string()
    .trim()
    .min(1, { message: "Enter a slug for the category's web address.", abort: true })
    .max(80, "Use at most 80 characters.")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters and digits, with single hyphens between words (e.g. home-office)."),
  description: z.string().trim().min(1, "Enter a description.").max(500, "Use at most 500 characters."),
  // Search engines show about 60 and 155 characters.
  metaTitle: optionalSingleLine(70),
  metaDescription: optionalSingleLine(160),
}) satisfies z.ZodType<CategoryFields, unknown>;

/** How the category form is read: only the fields above, by name; what was typed is echoed back on error. */
export const categoryFormInput = { fields: categoryTextFields, schema: categorySchema, echo: { name: 200, slug: 200, description: 600, metaTitle: 200, metaDescription: 300 } };

/** A category id bound to an action: client-controlled like any argument, so checked. */
export const categoryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
