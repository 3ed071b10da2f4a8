import "server-only";
import { csvRow } from "@/lib/audit/csv";
import { formatMoneyInput } from "@/lib/catalog/money-text";
import type { CatalogRow } from "@/lib/dal/catalog/csv/catalog-row";
import { CATALOG_CSV_COLUMNS, type CatalogCsvColumn } from "./columns";

/** One row's cells by column, money in the shop currency's own digits as the import reads it ("24.90", "2490" for JPY). */
function cellsOf(row: CatalogRow): Record<CatalogCsvColumn, string> {
  const option = (n: number) => row.options[n - 1];
  return {
    product_slug: row.productSlug,
    product_name: row.productName,
    description: row.description,
    category_slug: row.categorySlug,
    published: String(row.published),
    featured: String(row.featured),
    meta_title: row.metaTitle ?? "",
    meta_description: row.metaDescription ?? "",
    option1_name: option(1)?.name ?? "",
    option1_value: option(1)?.value ?? "",
    option2_name: option(2)?.name ?? "",
    option2_value: option(2)?.value ?? "",
    option3_name: option(3)?.name ?? "",
    option3_value: option(3)?.value ?? "",
    sku: row.sku,
    price: formatMoneyInput(row.priceMinor),
    compare_at_price: row.compareAtPriceMinor === null ? "" : formatMoneyInput(row.compareAtPriceMinor),
    stock: String(row.stock),
    weight_grams: String(row.weightGrams),
    max_per_order: String(row.maxPerOrder),
  };
}

/**
 * The catalog file, line by line (CRLF, UTF-8): the header, then one line per
 * row. Cells go through the audit log's formula-safe CSV writer, so text a
 * spreadsheet would run (=, +, -, @, tab, CR first) is written with a leading
 * ' that the import takes off again; the numbers written never begin so.
 */
export async function* catalogCsvLines(rows: AsyncIterable<CatalogRow>): AsyncGenerator<string> {
  yield `${csvRow(CATALOG_CSV_COLUMNS)}\r\n`;
  for await (const row of rows) {
    const cells = cellsOf(row);
    yield `${csvRow(CATALOG_CSV_COLUMNS.map((column) => cells[column]))}\r\n`;
  }
}
