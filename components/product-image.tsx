/**
 * Product images are small local SVGs, so Next's image optimizer has nothing
 * to do; a plain <img> also avoids the inline `style` attribute next/image
 * adds, which the strict `style-src` policy would block.
 */
export function ProductImage({
  src,
  alt,
  size,
  eager = false,
  className,
}: {
  src: string;
  alt: string;
  size: number;
  eager?: boolean;
  className?: string;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see above
    <img
      src={src}
      alt={alt}
      width={size}
      height={size}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={className}
    />
  );
}
