import type { PublicProductImageDTO } from "@/lib/dal/catalog/product-gallery";
import { ProductImage } from "./product-image";

type GalleryImage = Pick<PublicProductImageDTO, "src" | "alt">;

/**
 * The product page's pictures. One image is drawn as it always was. Several
 * are a row of slides the width of the main image, scrolled sideways (with
 * snapping) by touch, trackpad or the arrow keys once the row has focus, and
 * a row of thumbnails below: links to each slide, so choosing one scrolls it
 * into view with no script at all (the page's strict CSP and its script
 * budget stay as they are), and every image is reachable with a keyboard or
 * a screen reader. The first slide is the page's largest content: fetched at
 * once with high priority; the others, and the thumbnails, are lazy.
 */
export function ProductGallery({ images }: { images: GalleryImage[] }) {
  const [first] = images;
  if (!first) return null;
  const mainClass = "aspect-square w-full rounded-lg bg-neutral-50 object-contain";
  if (images.length === 1) return <ProductImage src={first.src} alt={first.alt} size={800} layout="productMain" loading="priority" className={mainClass} />;
  const slideId = (index: number) => `product-image-${index + 1}`;
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <ul
        aria-label={`Product images, ${images.length}`}
        tabIndex={0}
        className="flex snap-x snap-mandatory overflow-x-auto rounded-lg focus-visible:outline-2 focus-visible:outline-brand-700"
      >
        {images.map((image, index) => (
          <li key={image.src} id={slideId(index)} className="w-full shrink-0 snap-center scroll-mt-4">
            <ProductImage src={image.src} alt={image.alt} size={800} layout="productMain" loading={index === 0 ? "priority" : "lazy"} className={mainClass} />
          </li>
        ))}
      </ul>
      <ul aria-label="Choose an image" className="flex flex-wrap gap-2">
        {images.map((image, index) => (
          <li key={image.src}>
            <a
              href={`#${slideId(index)}`}
              className="block size-16 overflow-hidden rounded border border-neutral-300 hover:border-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700 sm:size-20"
            >
              <span className="sr-only">{`Show image ${index + 1} of ${images.length}: `}</span>
              <ProductImage src={image.src} alt={image.alt} size={80} layout="galleryThumbnail" className="size-full object-contain" />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
