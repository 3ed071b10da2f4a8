import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { JsonLdScript } from "@/components/json-ld";
import { ProductGallery } from "@/components/product-gallery";
import { parseSlug } from "@/lib/catalog/listing-params";
import { getProductGallery } from "@/lib/dal/catalog/product-gallery";
import { getProduct } from "@/lib/dal/catalog/products";
import { productMetadata } from "@/lib/seo/catalog-metadata";
import { breadcrumbJsonLd, productCrumbs, productJsonLd } from "@/lib/seo/json-ld";
import { site } from "@/lib/seo/site";

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props["params"]) {
  const slug = parseSlug((await params).slug);
  return slug ? getProduct(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await load(params);
  return product ? productMetadata(site, product) : { title: "Not found" };
}

export default async function ProductPage({ params }: Props) {
  const product = await load(params);
  if (!product) notFound();
  // No uploaded images: the product's own picture (a demo illustration or the placeholder) alone.
  const gallery = await getProductGallery(product.slug);
  const images = gallery.length > 0 ? gallery : [{ src: product.imagePath, alt: product.name }];
  return (
    <article className="grid gap-6 md:grid-cols-2">
      <JsonLdScript data={productJsonLd(product, site.url)} />
      <JsonLdScript data={breadcrumbJsonLd(productCrumbs(product), site.url)} />
      <ProductGallery images={images} />
      <div className="flex flex-col gap-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/category/${product.category.slug}`} className="text-brand-700 hover:underline">
            {product.category.name}
          </Link>
        </nav>
        <h1 className="text-3xl font-bold">{product.name}</h1>
        <AddToCartForm productId={product.id} options={product.options} variants={product.variants} />
        <p className="leading-relaxed text-neutral-800">{product.description}</p>
      </div>
    </article>
  );
}
