import { productImageSizes, productImageSrcSet, type ProductImageLayout } from "@/lib/images/responsive-image";

/**
 * How urgently the browser should fetch an image:
 * - "priority": the page's largest content (the product page's main image,
 *   the first card of a listing): fetched at once and before other images;
 * - "eager": in the first screen but not the largest: fetched at once, at the
 *   normal priority;
 * - "lazy" (the default): fetched when it nears the viewport, decoded off the
 *   main thread.
 */
export type ImageLoading = "priority" | "eager" | "lazy";

/**
 * A product image with `srcset` widths and `sizes` for where it is drawn
 * (lib/images/responsive-image.ts). A plain <img>, not next/image: next/image
 * adds an inline `style` attribute, which the strict `style-src` policy would
 * block, and the widths are produced by the shop itself. Width and height are
 * always set (all product images are square), so nothing shifts when an image
 * arrives.
 */
export function ProductImage({
  src,
  alt,
  size,
  layout,
  loading = "lazy",
  className,
}: {
  src: string;
  alt: string;
  size: number;
  layout: ProductImageLayout;
  loading?: ImageLoading;
  className?: string;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see above
    <img
      src={src}
      srcSet={productImageSrcSet(src)}
      sizes={productImageSizes(layout)}
      alt={alt}
      width={size}
      height={size}
      loading={loading === "lazy" ? "lazy" : "eager"}
      fetchPriority={loading === "priority" ? "high" : undefined}
      decoding={loading === "lazy" ? "async" : undefined}
      className={className}
    />
  );
}
