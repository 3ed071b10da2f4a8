import "server-only";
import { purchasableQuantity } from "@/lib/cart/line-problems";
import { type StockAvailability, stockAvailability } from "@/lib/catalog/stock-availability";

/**
 * What a shopper's browser may receive about the catalog: public fields only
 * (see the data classes in prisma/schema.prisma). Stock is internal, so a
 * product or variant says whether it is in stock (and "only N left" when N is
 * low), not how many are left.
 */
export type PublicCategoryDTO = {
  slug: string;
  name: string;
  description: string;
  /** Staff's title and description for search engines and share cards; null: the name and description serve. */
  metaTitle: string | null;
  metaDescription: string | null;
};

export type PublicProductDTO = {
  slug: string;
  name: string;
  description: string;
  /** The lowest price of its variants on sale. */
  price: { amountMinor: number; currency: string };
  /** Whether its variants differ in price: listings then say "from". */
  priceVaries: boolean;
  imagePath: string;
  inStock: boolean;
  category: { slug: string; name: string };
};

/** One variant as the product page's picker offers it. */
export type PublicVariantDTO = {
  id: string;
  sku: string;
  /** One value per option, in the options' order. */
  optionValues: string[];
  price: { amountMinor: number; currency: string };
  /** The earlier price, struck through; null: none. */
  compareAtPrice: { amountMinor: number; currency: string } | null;
  availability: StockAvailability;
  /** The most one order may take now (0: it cannot be bought). */
  maxQuantity: number;
};

/** A product as its own page shows it: options and variants on sale, and staff's texts for search engines (null: the name and description serve). */
export type PublicProductPageDTO = PublicProductDTO & {
  /** What the "Add to cart" form posts with the chosen option values. */
  id: string;
  metaTitle: string | null;
  metaDescription: string | null;
  options: { name: string; values: string[] }[];
  variants: PublicVariantDTO[];
};

/** Variants on sale: not archived. */
export const liveVariants = { archivedAt: null } as const;

/** The columns a PublicProductDTO is built from; DAL queries select exactly these. */
export const publicProductSelect = {
  slug: true,
  name: true,
  description: true,
  priceMinor: true,
  currency: true,
  imagePath: true,
  category: { select: { slug: true, name: true } },
  variants: { where: liveVariants, select: { priceMinor: true, stock: true } },
} as const;

type PublicProductRow = {
  slug: string;
  name: string;
  description: string;
  priceMinor: number;
  currency: string;
  imagePath: string;
  category: { slug: string; name: string };
  variants: { priceMinor: number; stock: number }[];
};

export function toPublicProduct(row: PublicProductRow): PublicProductDTO {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    priceVaries: new Set(row.variants.map((variant) => variant.priceMinor)).size > 1,
    imagePath: row.imagePath,
    inStock: row.variants.some((variant) => variant.stock > 0),
    category: { slug: row.category.slug, name: row.category.name },
  };
}

/** The columns of a product page beyond the listing's. */
export const publicProductPageSelect = {
  ...publicProductSelect,
  id: true,
  metaTitle: true,
  metaDescription: true,
  options: { select: { name: true, values: true }, orderBy: { position: "asc" } },
  variants: {
    where: liveVariants,
    select: { id: true, sku: true, optionValues: true, priceMinor: true, compareAtPriceMinor: true, stock: true, maxPerOrder: true },
    orderBy: { position: "asc" },
  },
} as const;

type PublicProductPageRow = Omit<PublicProductRow, "variants"> & {
  id: string;
  metaTitle: string | null;
  metaDescription: string | null;
  options: { name: string; values: string[] }[];
  variants: { id: string; sku: string; optionValues: string[]; priceMinor: number; compareAtPriceMinor: number | null; stock: number; maxPerOrder: number }[];
};

export function toPublicProductPage(row: PublicProductPageRow): PublicProductPageDTO {
  const { id, metaTitle, metaDescription, options, ...product } = row;
  const money = (amountMinor: number) => ({ amountMinor, currency: row.currency });
  return {
    ...toPublicProduct(product),
    id,
    metaTitle,
    metaDescription,
    options,
    variants: row.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      optionValues: variant.optionValues,
      price: money(variant.priceMinor),
      compareAtPrice: variant.compareAtPriceMinor === null ? null : money(variant.compareAtPriceMinor),
      availability: stockAvailability(variant.stock),
      maxQuantity: purchasableQuantity({ published: true, stock: variant.stock, maxPerOrder: variant.maxPerOrder }),
    })),
  };
}

export const publicCategorySelect = { slug: true, name: true, description: true, metaTitle: true, metaDescription: true } as const;
