import "server-only";

/** The URL that serves a stored product image (app/product-images/[id]/route.ts). */
export function productImagePath(imageId: string): string {
  return `/product-images/${imageId}`;
}

/** What a new product shows until an image is uploaded (outside public/products, which the seed script manages). */
export const PLACEHOLDER_IMAGE_PATH = "/product-placeholder.svg";
