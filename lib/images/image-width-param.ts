import "server-only";
import { z } from "zod";
import { isProductImageWidth, type ProductImageWidth } from "./image-widths";

/**
 * The `w` query parameter of the image route: absent (the stored image as it
 * is) or exactly one of PRODUCT_IMAGE_WIDTHS written as plain digits ("0640",
 * "640.0", "6.4e2" and "+640" are refused, so one width has one URL).
 */
export const imageWidthParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,4}$/)
  .transform(Number)
  .refine(isProductImageWidth)
  .nullable();

export type ImageWidthParam = { ok: true; width: ProductImageWidth | null } | { ok: false };

/** Parses the route's `w` parameter (null when absent). */
export function parseImageWidthParam(raw: string | null): ImageWidthParam {
  const parsed = imageWidthParamSchema.safeParse(raw);
  return parsed.success ? { ok: true, width: parsed.data as ProductImageWidth | null } : { ok: false };
}

/**
 * Parses an image URL's whole query: nothing, or one `w`. Any other parameter,
 * or `w` twice, is refused, so every image has exactly one URL per width and a
 * cache cannot be bypassed (and the server made to resize again) by adding
 * `&anything=1`.
 */
export function parseImageQuery(searchParams: URLSearchParams): ImageWidthParam {
  const keys = [...searchParams.keys()];
  if (keys.some((key) => key !== "w") || keys.length > 1) return { ok: false };
  return parseImageWidthParam(searchParams.get("w"));
}
