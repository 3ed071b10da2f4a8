import "server-only";
import type { Money } from "@/lib/catalog/money";

/**
 * What staff with products:read see of the catalog: public and internal
 * product and variant columns (stock, published, archived). No customer or staff data.
 */
export type StaffProductSummaryDTO = {
  id: string;
  slug: string;
  name: string;
  categoryName: string;
  /** The lowest price of its live variants. */
  price: Money;
  /** Units across its live variants. */
  stock: number;
  variantCount: number;
  published: boolean;
  archived: boolean;
  featured: boolean;
};

/** One variant on its product's admin page. */
export type StaffVariantDTO = {
  id: string;
  sku: string;
  optionValues: string[];
  price: Money;
  compareAtPrice: Money | null;
  stock: number;
  weightGrams: number;
  maxPerOrder: number;
  archived: boolean;
};

/** One product on its admin page: every field the product form edits, its options and variants, and its image. */
export type StaffProductDTO = StaffProductSummaryDTO & {
  description: string;
  categoryId: string;
  metaTitle: string | null;
  metaDescription: string | null;
  imagePath: string;
  updatedAt: Date;
  options: { name: string; values: string[] }[];
  /** Live variants first, each group in position order. */
  variants: StaffVariantDTO[];
};

const liveStock = { where: { archivedAt: null }, select: { stock: true } } as const;

export const staffProductSummarySelect = {
  id: true,
  slug: true,
  name: true,
  priceMinor: true,
  currency: true,
  published: true,
  archivedAt: true,
  featured: true,
  category: { select: { name: true } },
  variants: liveStock,
} as const;

export const staffProductSelect = {
  ...staffProductSummarySelect,
  description: true,
  categoryId: true,
  metaTitle: true,
  metaDescription: true,
  imagePath: true,
  updatedAt: true,
  options: { select: { name: true, values: true }, orderBy: { position: "asc" } },
  variants: {
    select: {
      id: true,
      sku: true,
      optionValues: true,
      priceMinor: true,
      compareAtPriceMinor: true,
      stock: true,
      weightGrams: true,
      maxPerOrder: true,
      archivedAt: true,
      position: true,
    },
    orderBy: { position: "asc" },
  },
} as const;

type SummaryRow = {
  id: string;
  slug: string;
  name: string;
  priceMinor: number;
  currency: string;
  published: boolean;
  archivedAt: Date | null;
  featured: boolean;
  category: { name: string };
  variants: { stock: number; archivedAt?: Date | null }[];
};

type VariantRow = {
  id: string;
  sku: string;
  optionValues: string[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  stock: number;
  weightGrams: number;
  maxPerOrder: number;
  archivedAt: Date | null;
};

type ProductRow = Omit<SummaryRow, "variants"> & {
  description: string;
  categoryId: string;
  metaTitle: string | null;
  metaDescription: string | null;
  imagePath: string;
  updatedAt: Date;
  options: { name: string; values: string[] }[];
  variants: VariantRow[];
};

export function toStaffProductSummary(row: SummaryRow): StaffProductSummaryDTO {
  const live = row.variants.filter((variant) => !variant.archivedAt);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    categoryName: row.category.name,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    stock: live.reduce((sum, variant) => sum + variant.stock, 0),
    variantCount: live.length,
    published: row.published,
    archived: row.archivedAt !== null,
    featured: row.featured,
  };
}

export function toStaffProduct(row: ProductRow): StaffProductDTO {
  const money = (amountMinor: number): Money => ({ amountMinor, currency: row.currency });
  const variants = row.variants.map(
    (variant): StaffVariantDTO => ({
      id: variant.id,
      sku: variant.sku,
      optionValues: variant.optionValues,
      price: money(variant.priceMinor),
      compareAtPrice: variant.compareAtPriceMinor === null ? null : money(variant.compareAtPriceMinor),
      stock: variant.stock,
      weightGrams: variant.weightGrams,
      maxPerOrder: variant.maxPerOrder,
      archived: variant.archivedAt !== null,
    }),
  );
  return {
    ...toStaffProductSummary(row),
    description: row.description,
    categoryId: row.categoryId,
    metaTitle: row.metaTitle,
    metaDescription: row.metaDescription,
    imagePath: row.imagePath,
    updatedAt: row.updatedAt,
    options: row.options,
    variants: [...variants.filter((variant) => !variant.archived), ...variants.filter((variant) => variant.archived)],
  };
}
