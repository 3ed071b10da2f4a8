// No dependencies: client components (the cart line) build srcset from these widths.
/**
 * The only widths (px) a product image is offered at. The image route and the
 * seed script produce exactly these, and the image route refuses any other
 * width: resizing to whatever number a request names would let anyone make the
 * server decode and encode images at sizes of their choosing (resource
 * exhaustion), and fill every cache with near-duplicates.
 */
export const PRODUCT_IMAGE_WIDTHS = [320, 640, 960, 1280] as const;

export type ProductImageWidth = (typeof PRODUCT_IMAGE_WIDTHS)[number];

/** True only for a width in the allow-list. */
export function isProductImageWidth(value: number): value is ProductImageWidth {
  return (PRODUCT_IMAGE_WIDTHS as readonly number[]).includes(value);
}
