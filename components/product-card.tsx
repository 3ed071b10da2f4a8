import Link from "next/link";
import type { PublicProductDTO } from "@/lib/dal/catalog/dto";
import { Price } from "./price";
import { type ImageLoading, ProductImage } from "./product-image";

/** Heading levels a card's product name can take: one below the heading the grid stands under. */
export type CardHeadingLevel = 2 | 3;

/**
 * Only the first card's image is fetched at once, with high priority: it is a
 * phone's largest content (measured with `npm run bench:lighthouse`), and on
 * a slow phone connection every other eager image would share its bandwidth.
 * The rest are lazy: the browser still fetches the ones in the first screen as
 * soon as the layout shows they are visible, and none of them moves the page
 * (width and height are always set).
 */
const loadingAt = (index: number): ImageLoading => (index === 0 ? "priority" : "lazy");

export function ProductCard({
  product,
  headingLevel = 3,
  imageLoading = "lazy",
}: {
  product: PublicProductDTO;
  headingLevel?: CardHeadingLevel;
  imageLoading?: ImageLoading;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="flex flex-col overflow-hidden rounded-lg border border-neutral-200">
      <ProductImage src={product.imagePath} alt="" size={400} layout="card" loading={imageLoading} className="aspect-square w-full" />
      <div className="flex flex-1 flex-col gap-1 p-3">
        <Heading className="font-semibold">
          <Link href={`/products/${product.slug}`} className="hover:underline">
            {product.name}
          </Link>
        </Heading>
        <p className="text-sm text-neutral-700">{product.category.name}</p>
        <p className="mt-auto flex items-baseline justify-between pt-2">
          <span className="font-semibold">
            {product.priceVaries && <span className="font-normal">From </span>}
            <Price money={product.price} />
          </span>
          {!product.inStock && <span className="text-sm text-danger-800">Out of stock</span>}
        </p>
      </div>
    </article>
  );
}

/**
 * A grid of product cards. `headingLevel` keeps the page's outline in order:
 * 2 for a grid right under the page's h1 (a category, search results), 3 for a
 * grid under its own h2 (the home page's "Featured products").
 */
export function ProductGrid({
  products,
  label,
  headingLevel = 3,
}: {
  products: PublicProductDTO[];
  label: string;
  headingLevel?: CardHeadingLevel;
}) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.slug} className="flex">
          <ProductCard product={product} headingLevel={headingLevel} imageLoading={loadingAt(index)} />
        </li>
      ))}
    </ul>
  );
}
