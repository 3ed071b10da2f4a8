import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { ProductGrid } from "@/components/product-card";
import { listingParamsSchema, pageCount } from "@/lib/catalog/listing-params";
import { searchProducts } from "@/lib/dal/catalog/search";
import { parseSearchParams } from "@/lib/http/search-params";
import { searchMetadata } from "@/lib/seo/catalog-metadata";
import { site } from "@/lib/seo/site";

// noindex, follow: see searchMetadata.
export const metadata: Metadata = searchMetadata(site);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const { q: query, page } = parseSearchParams(listingParamsSchema, await searchParams);
  const { products, total } = await searchProducts(query, page);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{query ? `Results for “${query}”` : "Search"}</h1>
      {!query && <p>Type what you are looking for in the search box above.</p>}
      {query && (
        <p role="status">
          {total === 1 ? "1 product found" : `${total} products found`}
        </p>
      )}
      {products.length > 0 && <ProductGrid products={products} label="Search results" headingLevel={2} />}
      {query && total === 0 && (
        <EmptyState action={{ href: "/#categories-heading", label: "Browse the categories" }}>
          Nothing matches “{query}”. Try a shorter or more general word, or browse the categories.
        </EmptyState>
      )}
      <Pagination page={page} pages={pageCount(total)} basePath="/search" params={{ q: query }} />
    </div>
  );
}
