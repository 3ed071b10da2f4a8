import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { ProductGrid } from "@/components/product-card";
import { JsonLdScript } from "@/components/json-ld";
import { SortLinks } from "@/components/sort-links";
import { listingParamsSchema, pageCount, parseSlug } from "@/lib/catalog/listing-params";
import { getCategoryPage } from "@/lib/dal/catalog/products";
import { parseSearchParams } from "@/lib/http/search-params";
import { categoryMetadata } from "@/lib/seo/catalog-metadata";
import { breadcrumbJsonLd, categoryCrumbs } from "@/lib/seo/json-ld";
import { site } from "@/lib/seo/site";
import { EmptyState } from "@/components/empty-state";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const slug = parseSlug((await params).slug);
  const { sort, page } = parseSearchParams(listingParamsSchema, await searchParams);
  // The same (per-request cached) query as the page: it knows how many pages there are.
  const result = slug ? await getCategoryPage(slug, page, sort) : null;
  if (!result) return { title: "Not found" };
  return categoryMetadata(site, result.category, { page, pages: pageCount(result.total) });
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const slug = parseSlug((await params).slug);
  if (!slug) notFound();
  const { sort, page: requestedPage } = parseSearchParams(listingParamsSchema, await searchParams);
  const result = await getCategoryPage(slug, requestedPage, sort);
  if (!result) notFound();
  const pages = pageCount(result.total);

  return (
    <div className="flex flex-col gap-4">
      <JsonLdScript data={breadcrumbJsonLd(categoryCrumbs(result.category), site.url)} />
      <div>
        <h1 className="text-2xl font-bold">{result.category.name}</h1>
        <p className="text-neutral-700">{result.category.description}</p>
      </div>
      <SortLinks basePath={`/category/${slug}`} current={sort} />
      {result.products.length > 0 ? (
        <ProductGrid products={result.products} label={`${result.category.name} products`} headingLevel={2} />
      ) : (
        <EmptyState action={{ href: "/", label: "See the featured products" }}>No products on this page.</EmptyState>
      )}
      <Pagination page={Math.min(requestedPage, pages)} pages={pages} basePath={`/category/${slug}`} params={{ sort }} />
    </div>
  );
}
