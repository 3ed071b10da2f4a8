import "server-only";

/**
 * What a shopper's browser may receive about the catalog: public fields only
 * (see the data classes in prisma/schema.prisma). Stock is internal, so a
 * product says whether it is in stock, not how many are left.
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
  price: { amountMinor: number; currency: string };
  imagePath: string;
  inStock: boolean;
  category: { slug: string; name: string };
};

/** A product as its own page shows it: staff's title and description for search engines too (null: the name and description serve). */
export type PublicProductPageDTO = PublicProductDTO & { metaTitle: string | null; metaDescription: string | null };

/** The columns a PublicProductDTO is built from; DAL queries select exactly these. */
export const publicProductSelect = {
  slug: true,
  name: true,
  description: true,
  priceMinor: true,
  currency: true,
  imagePath: true,
  stock: true,
  category: { select: { slug: true, name: true } },
} as const;

type PublicProductRow = {
  slug: string;
  name: string;
  description: string;
  priceMinor: number;
  currency: string;
  imagePath: string;
  stock: number;
  category: { slug: string; name: string };
};

export function toPublicProduct(row: PublicProductRow): PublicProductDTO {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    imagePath: row.imagePath,
    inStock: row.stock > 0,
    category: { slug: row.category.slug, name: row.category.name },
  };
}

export const publicCategorySelect = { slug: true, name: true, description: true, metaTitle: true, metaDescription: true } as const;
