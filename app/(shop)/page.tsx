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
      <section aria-labelledby="hero-heading" className="rounded-xl bg-neutral-900 px-6 py-10 text-white sm:px-10 sm:py-14">
        <h1 id="hero-heading" className="max-w-2xl text-3xl font-bold sm:text-4xl">
          {site.name}
        </h1>
        <p className="mt-3 max-w-xl text-lg text-neutral-100">{SHOP_DESCRIPTION}</p>
        {categories.length > 0 && (
          <Link
            href="#categories-heading"
            className="mt-6 inline-flex min-h-11 items-center rounded bg-white px-5 font-semibold text-neutral-900 hover:bg-neutral-100"
          >
            Browse the categories
          </Link>
        )}
      </section>
      <section aria-labelledby="featured-heading">
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
                className="block rounded-lg border border-neutral-200 p-4 hover:border-brand-700"
              >
                <span className="block text-lg font-semibold">{category.name}</span>
                <span className="text-sm text-neutral-700">{category.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
