import "server-only";
import { cache } from "react";
import { PAGE_SIZE, type SortOption } from "@/lib/catalog/listing-params";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  type PublicCategoryDTO,
  type PublicProductDTO,
  type PublicProductPageDTO,
  publicCategorySelect,
  publicProductPageSelect,
  publicProductSelect,
  toPublicProduct,
  toPublicProductPage,
} from "./dto";

// The catalog is public: no guard beyond showing only published products and live (not archived) categories.

const orderBySort: Record<SortOption, Prisma.ProductOrderByWithRelationInput[]> = {
  featured: [{ featured: "desc" }, { name: "asc" }],
  "price-asc": [{ priceMinor: "asc" }, { name: "asc" }],
  "price-desc": [{ priceMinor: "desc" }, { name: "asc" }],
  name: [{ name: "asc" }],
  newest: [{ createdAt: "desc" }, { name: "asc" }],
};

export async function listCategories(): Promise<PublicCategoryDTO[]> {
  return db.category.findMany({ where: { archivedAt: null }, select: publicCategorySelect, orderBy: [{ position: "asc" }, { name: "asc" }] });
}

export async function listFeaturedProducts(limit = 8): Promise<PublicProductDTO[]> {
  const rows = await db.product.findMany({
    where: { featured: true, published: true },
    select: publicProductSelect,
    orderBy: [{ name: "asc" }],
    take: limit,
  });
  return rows.map(toPublicProduct);
}

export type PublicCategoryPageDTO = {
  category: PublicCategoryDTO;
  products: PublicProductDTO[];
  total: number;
};

// Page metadata and the page itself ask for the same rows during one request;
// React's cache() makes that one query per request.
const findCategory = cache(async (slug: string) =>
  // An archived category has no page: its slug is unknown to shoppers.
  db.category.findFirst({ where: { slug, archivedAt: null }, select: { id: true, ...publicCategorySelect } }),
);

export async function getCategory(slug: string): Promise<PublicCategoryDTO | null> {
  const category = await findCategory(slug);
  if (!category) return null;
  const { id: _id, ...publicCategory } = category;
  return publicCategory;
}

/**
 * One page of a category's published products, or null for an unknown category.
 * Cached per request like findCategory: the page's metadata needs its count too.
 */
export const getCategoryPage = cache(async (slug: string, page: number, sort: SortOption): Promise<PublicCategoryPageDTO | null> => {
  const category = await findCategory(slug);
  if (!category) return null;
  const where = { categoryId: category.id, published: true };
  const [rows, total] = await Promise.all([
    db.product.findMany({
      where,
      select: publicProductSelect,
      orderBy: orderBySort[sort],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.product.count({ where }),
  ]);
  const { id: _id, ...publicCategory } = category;
  return { category: publicCategory, products: rows.map(toPublicProduct), total };
});

export const getProduct = cache(async (slug: string): Promise<PublicProductPageDTO | null> => {
  const row = await db.product.findFirst({ where: { slug, published: true }, select: publicProductPageSelect });
  return row ? toPublicProductPage(row) : null;
});
