import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AUTH_NOTICE_KEYS, AuthNotice } from "@/components/auth/notice";
import { ProductGrid } from "@/components/product-card";
import { listCategories, listFeaturedProducts } from "@/lib/dal/catalog/products";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";
import { homeMetadata } from "@/lib/seo/catalog-metadata";
import { SHOP_DESCRIPTION, site } from "@/lib/seo/site";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = homeMetadata(site, SHOP_DESCRIPTION);

const homeParamsSchema = z.object({ notice: searchChoice(AUTH_NOTICE_KEYS) });

export default async function HomePage({ searchParams }: Props) {
  const [featured, categories] = await Promise.all([listFeaturedProducts(), listCategories()]);
  const { notice } = parseSearchParams(homeParamsSchema, await searchParams);
  return (
    <div className="flex flex-col gap-10">
      <AuthNotice notice={notice} />
      <section aria-labelledby="featured-heading">
        <h1 className="sr-only">Welcome</h1>
        <h2 id="featured-heading" className="mb-4 text-2xl font-bold">
          Featured products
        </h2>
        <ProductGrid products={featured} label="Featured products" />
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-2xl font-bold">
          Shop by category
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link
                href={`/category/${category.slug}`}
                className="block rounded-lg border border-slate-200 p-4 hover:border-brand-700"
              >
                <span className="block text-lg font-semibold">{category.name}</span>
                <span className="text-sm text-slate-700">{category.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
