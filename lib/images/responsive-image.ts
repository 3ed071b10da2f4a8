import { PRODUCT_IMAGE_WIDTHS } from "./image-widths";

/**
 * `srcset` and `sizes` for product images, so a phone downloads a 320 px image
 * where a wide screen gets 960 or 1280.
 *
 * How each kind of image gets its widths (why two ways):
 * - Uploaded images live in the database and are served by
 *   app/product-images/[id]/route.ts; `?w=<width>` asks that route for a
 *   resized copy. The route accepts only PRODUCT_IMAGE_WIDTHS, and an upload
 *   never changes under its id, so every variant is cacheable for a year and a
 *   CDN or browser resizes each one at most once.
 * - The demo images and the placeholder are static SVG files in public/; the
 *   seed script (prisma/seed/write-product-images.ts) also writes WebP copies
 *   at each width beside them (`<name>-<width>.webp`), served as plain files.
 *   Their URL does not change when the file is regenerated, so they are not
 *   marked immutable (Next serves public/ with `max-age=0`, revalidated by ETag).
 */
export function productImageSrcSet(src: string): string | undefined {
  const candidate = variantUrl(src);
  if (!candidate) return undefined;
  return PRODUCT_IMAGE_WIDTHS.map((width) => `${candidate(width)} ${width}w`).join(", ");
}

function variantUrl(src: string): ((width: number) => string) | undefined {
  if (/^\/product-images\/[a-z0-9]{1,40}$/i.test(src)) return (width) => `${src}?w=${width}`;
  const svg = /^(\/(?:products\/[a-z0-9-]+|product-placeholder))\.svg$/.exec(src);
  if (svg) return (width) => `${svg[1]}-${width}.webp`;
  return undefined;
}

/**
 * Where a product image appears, and so how wide it is drawn at each
 * breakpoint (Tailwind's sm 640, md 768, lg 1024; the page is at most 72rem
 * wide with 1rem or 1.5rem padding, app/layout.tsx).
 */
export const productImageLayouts = {
  /**
   * ProductGrid: 2 columns, 3 from sm, 4 from lg, inside max-w-6xl. On a
   * phone exactly half the page less its 1rem padding and the 0.75rem gap
   * (164 px of a 375 px screen), so the browser picks the smallest width that
   * is sharp enough: a listing's first card is a phone's largest content.
   */
  card: "(min-width: 1152px) 270px, (min-width: 1024px) 23vw, (min-width: 640px) 30vw, calc(50vw - 22px)",
  /**
   * The product page: the page's width less its padding on phones (1rem a
   * side, 1.5rem from sm; 343 px of a 375 px screen), half from md.
   */
  productMain: "(min-width: 1152px) 552px, (min-width: 768px) 48vw, (min-width: 640px) calc(100vw - 48px), calc(100vw - 32px)",
  /** A product page gallery's thumbnail: 64 px, 80 px from sm (components/product-gallery.tsx). */
  galleryThumbnail: "(min-width: 640px) 80px, 64px",
  /** A cart line: 80 px, 96 px from sm. */
  cartThumbnail: "(min-width: 640px) 96px, 80px",
  /** The admin product editor: a 240 px square. */
  adminPreview: "240px",
} as const;

export type ProductImageLayout = keyof typeof productImageLayouts;

/** The `sizes` attribute for a layout. */
export function productImageSizes(layout: ProductImageLayout): string {
  return productImageLayouts[layout];
}
