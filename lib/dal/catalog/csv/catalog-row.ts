/**
 * One row of the catalog file, one variant: what the file reader hands the
 * import once a row passed its own checks (lib/actions/admin/products/catalog-csv).
 * Money is integer minor units of the shop's currency.
 */
export type CatalogRow = {
  productSlug: string;
  productName: string;
  description: string;
  categorySlug: string;
  published: boolean;
  featured: boolean;
  metaTitle: string | null;
  metaDescription: string | null;
  /** The product's options in position order (0 to 3), each with this variant's value. */
  options: { name: string; value: string }[];
  sku: string;
  priceMinor: number;
  compareAtPriceMinor: number | null;
  stock: number;
  weightGrams: number;
  maxPerOrder: number;
};

/** A problem with one row (row 1 is the header): the column it is in and what is wrong, in words. */
export type CatalogRowIssue = { row: number; column: string; message: string };

/** What one pass over the file yields per data row: the row, or why it cannot be read. */
export type CatalogSourceRow = { row: number; data: CatalogRow; issues?: undefined } | { row: number; data?: undefined; issues: CatalogRowIssue[] };

/**
 * The file, readable more than once from the start: the import checks every
 * row in a first pass and applies them in a second, so the file is never held
 * in memory. `digest` is the SHA-256 of the bytes read by the last full pass.
 */
export type CatalogRowSource = {
  rows(): AsyncIterable<CatalogSourceRow>;
  digest(): string;
};
