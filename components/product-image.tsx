import { productImageSizes, productImageSrcSet, type ProductImageLayout } from "@/lib/images/responsive-image";

/**
 * A product image with `srcset` widths and `sizes` for where it is drawn
 * (lib/images/responsive-image.ts). A plain <img>, not next/image: next/image
 * adds an inline `style` attribute, which the strict `style-src` policy would
 * block, and the widths are produced by the shop itself.
 *
 * `priority` is for the one image that is the page's largest content (the
 * product page's main image): fetched at once and first. Every other image is
 * lazy and decoded off the main thread. Width and height are always set (all
 * product images are square), so nothing shifts when an image arrives.
 */
export function ProductImage({
  src,
  alt,
  size,
  layout,
  priority = false,
  className,
}: {
  src: string;
  alt: string;
  size: number;
  layout: ProductImageLayout;
  priority?: boolean;
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
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding={priority ? undefined : "async"}
      className={className}
    />
  );
}
