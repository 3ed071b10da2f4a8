import "server-only";
import type { Money } from "@/lib/catalog/money";

/**
 * What staff with products:read see of the catalog: public and internal
 * product columns (stock, published). No customer or staff data.
 */
export type StaffProductSummaryDTO = {
  id: string;
  slug: string;
  name: string;
  categoryName: string;
  price: Money;
  stock: number;
  published: boolean;
  featured: boolean;
};

/** The columns a product's admin page adds to its summary, as stored and as sent. */
type ProductPageFields = {
  description: string;
  categoryId: string;
  maxPerOrder: number;
  metaTitle: string | null;
  metaDescription: string | null;
  weightGrams: number;
  imagePath: string;
  updatedAt: Date;
};

/** One product on its admin page: every field the product form edits, plus stock and image. */
export type StaffProductDTO = StaffProductSummaryDTO & ProductPageFields;

export const staffProductSummarySelect = {
  id: true,
  slug: true,
  name: true,
  priceMinor: true,
  currency: true,
  stock: true,
  published: true,
  featured: true,
  category: { select: { name: true } },
} as const;

export const staffProductSelect = {
  ...staffProductSummarySelect,
  description: true,
  categoryId: true,
  maxPerOrder: true,
  metaTitle: true,
  metaDescription: true,
  weightGrams: true,
  imagePath: true,
  updatedAt: true,
} as const;

type SummaryRow = {
  id: string;
  slug: string;
  name: string;
  priceMinor: number;
  currency: string;
  stock: number;
  published: boolean;
  featured: boolean;
  category: { name: string };
};

type ProductRow = SummaryRow & ProductPageFields;

export function toStaffProductSummary(row: SummaryRow): StaffProductSummaryDTO {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    categoryName: row.category.name,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    stock: row.stock,
    published: row.published,
    featured: row.featured,
  };
}

export function toStaffProduct(row: ProductRow): StaffProductDTO {
  return {
    ...toStaffProductSummary(row),
    description: row.description,
    categoryId: row.categoryId,
    maxPerOrder: row.maxPerOrder,
    metaTitle: row.metaTitle,
    metaDescription: row.metaDescription,
    weightGrams: row.weightGrams,
    imagePath: row.imagePath,
    updatedAt: row.updatedAt,
  };
}
