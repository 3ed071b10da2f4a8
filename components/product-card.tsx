import Link from "next/link";
import type { PublicProductDTO } from "@/lib/dal/catalog/dto";
import { Price } from "./price";
import { ProductImage } from "./product-image";

export function ProductCard({ product }: { product: PublicProductDTO }) {
  return (
    <article className="flex flex-col overflow-hidden rounded-lg border border-neutral-200">
      <ProductImage src={product.imagePath} alt="" size={400} layout="card" className="aspect-square w-full" />
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="font-semibold">
          <Link href={`/products/${product.slug}`} className="hover:underline">
            {product.name}
          </Link>
        </h3>
        <p className="text-sm text-neutral-700">{product.category.name}</p>
        <p className="mt-auto flex items-baseline justify-between pt-2">
          <Price money={product.price} className="font-semibold" />
          {!product.inStock && <span className="text-sm text-danger-800">Out of stock</span>}
        </p>
      </div>
    </article>
  );
}

export function ProductGrid({ products, label }: { products: PublicProductDTO[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product) => (
        <li key={product.slug} className="flex">
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}
