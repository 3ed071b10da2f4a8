import "server-only";
import { z } from "zod";
import { MAX_PRODUCT_IMAGES } from "@/lib/images/gallery-limits";

/**
 * The image a gallery form names. It is a hidden field, so it may be
 * tampered with: the DAL accepts it only for an image of the product the
 * page bound to the action.
 */
export const imageIdSchema = z.string().regex(/^[a-z0-9]{1,40}$/i, "Choose an image from the list.");

/** What each gallery refusal from the DAL says. */
export const productImageErrors = {
  not_found: "This product no longer exists.",
  image_not_found: "This image is no longer in the product's gallery. Reload the page to see the current images.",
  too_many_images: { field: "image", message: `A product has at most ${MAX_PRODUCT_IMAGES} images. Delete one before adding another.` },
  invalid_alt: { field: "alt", message: "Describe the image for people who cannot see it, in one line of up to 200 characters." },
} as const;
