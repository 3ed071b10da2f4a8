import { z } from "zod";
import { MAX_IMAGE_ALT_LENGTH } from "./gallery-limits";

/**
 * Alt text of a product image: what the picture shows, for people who cannot
 * see it. Required (an image of a product is content, not decoration), one
 * line, at most MAX_IMAGE_ALT_LENGTH characters. The admin forms' schema and
 * the DAL both use it, so nothing stores an image without a description.
 */
export const imageAltSchema = z
  .string({ message: "Describe the image for people who cannot see it." })
  .trim()
  .min(1, "Describe the image for people who cannot see it.")
  .max(MAX_IMAGE_ALT_LENGTH, `Keep the description to ${MAX_IMAGE_ALT_LENGTH} characters or fewer.`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Write the description on one line.");
