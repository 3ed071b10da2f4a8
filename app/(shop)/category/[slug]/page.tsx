import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { ProductGrid } from "@/components/product-card";
import { SortLinks } from "@/components/sort-links";
import { listingParamsSchema, pageCount, parseSlug } from "@/lib/catalog/listing-params";
import { getCategory, getCategoryPage } from "@/lib/dal/catalog/products";
import { parseSearchParams } from "@/lib/http/search-params";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = parseSlug((await params).slug);
  const category = slug ? await getCategory(slug) : null;
  return { title: category?.name ?? "Not found" };
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
      <div>
        <h1 className="text-2xl font-bold">{result.category.name}</h1>
        <p className="text-slate-700">{result.category.description}</p>
      </div>
      <SortLinks basePath={`/category/${slug}`} current={sort} />
      {result.products.length > 0 ? (
        <ProductGrid products={result.products} label={`${result.category.name} products`} />
      ) : (
        <p>No products on this page.</p>
      )}
      <Pagination page={Math.min(requestedPage, pages)} pages={pages} basePath={`/category/${slug}`} params={{ sort }} />
    </div>
  );
}
