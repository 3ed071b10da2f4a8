import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import type { StaffRoleName } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { CatalogCsvActor } from "@/lib/dal/catalog/csv/actor";
import type { CatalogRow, CatalogRowSource } from "@/lib/dal/catalog/csv/catalog-row";
import { exportCatalog } from "@/lib/dal/catalog/csv/export";
import { importCatalog } from "@/lib/dal/catalog/csv/import";

export const csvTestContext = { ip: "192.0.2.45", userAgent: "vitest catalog csv", requestId: "req-catalog-csv" };

/**
 * A category of the suite's own and unique slugs for its products, removed
 * afterwards with everything under them (variants, options, adjustments
 * cascade). Audit entries stay, as the append-only log requires.
 */
/**
 * The file's reader and writer (lib/actions/admin/products/catalog-csv), passed
 * in by the test files: the DAL itself never calls up into the action layer.
 */
export type CatalogCsvFormat = {
  columns: readonly string[];
  source: (open: () => Readable) => CatalogRowSource;
  lines: (rows: AsyncIterable<CatalogRow>) => AsyncGenerator<string>;
};

export function catalogCsvFixtures(format: CatalogCsvFormat) {
  const { columns: CATALOG_CSV_COLUMNS, source: catalogCsvSource, lines: catalogCsvLines } = format;
  const tag = randomBytes(4).toString("hex");
  const categorySlug = `vitest-csv-${tag}`;
  const slug = (name: string) => `csv-${tag}-${name}`;
  const sku = (name: string) => `CSV-${tag}-${name}`.toUpperCase();

  beforeAll(async () => {
    await db.category.create({ data: { slug: categorySlug, name: "CSV tests", description: "Products made by the catalog CSV tests." } });
  });
  afterAll(async () => {
    await db.product.deleteMany({ where: { slug: { startsWith: `csv-${tag}-` } } });
    await db.category.deleteMany({ where: { slug: categorySlug } });
  });

  const staff = (role: StaffRoleName = "catalog_manager"): CatalogCsvActor => ({
    kind: "staff",
    viewer: { userId: `vitest-csv-${role}`, sessionId: "test", role, name: "CSV Tester", email: "csv@example.test", reauthenticatedAt: new Date(), policyAccepted: true },
  });

  /** A row of the file as a record; `csv` writes rows with the export's own writer. */
  const row = (overrides: Partial<Record<string, string>> = {}): Record<string, string> => ({
    product_slug: slug("lamp"),
    product_name: "Desk Lamp",
    description: "A lamp made by the catalog CSV tests.",
    category_slug: categorySlug,
    published: "true",
    featured: "false",
    meta_title: "",
    meta_description: "",
    option1_name: "",
    option1_value: "",
    option2_name: "",
    option2_value: "",
    option3_name: "",
    option3_value: "",
    sku: sku("lamp"),
    price: "24.90",
    compare_at_price: "",
    stock: "5",
    weight_grams: "900",
    max_per_order: "10",
    ...(overrides as Record<string, string>),
  });

  /** Raw CSV text: the header and the rows' cells, quoted only where needed; nothing escaped, so tests can send formulas. */
  const csv = (rows: Record<string, string>[], columns: readonly string[] = CATALOG_CSV_COLUMNS) =>
    [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ""))].map((cells) => cells.map((cell) => (/[",\r\n\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(",")).join("\n") + "\n";

  const importText = (text: string, options: { dryRun?: boolean; actor?: CatalogCsvActor } = {}) =>
    importCatalog(options.actor ?? staff(), catalogCsvSource(() => Readable.from([Buffer.from(text)])), { dryRun: options.dryRun ?? false, fileName: "test.csv" }, csvTestContext);

  /** The whole catalog exported, then only the suite's lines (with the header). */
  async function exportText(actor: CatalogCsvActor = staff()): Promise<string> {
    const rows = await exportCatalog(actor, csvTestContext);
    async function* ours(): AsyncGenerator<CatalogRow> {
      for await (const r of rows) if (r.productSlug.startsWith(`csv-${tag}-`)) yield r;
    }
    let text = "";
    for await (const line of catalogCsvLines(ours())) text += line;
    return text;
  }

  /** What the suite's products look like in the database: to prove an import changed nothing. */
  async function snapshot() {
    return db.product.findMany({
      where: { slug: { startsWith: `csv-${tag}-` } },
      select: {
        slug: true,
        name: true,
        priceMinor: true,
        published: true,
        updatedAt: true,
        options: { select: { name: true, position: true, values: true }, orderBy: { position: "asc" } },
        variants: { select: { sku: true, optionValues: true, priceMinor: true, stock: true, position: true, updatedAt: true }, orderBy: { sku: "asc" } },
      },
      orderBy: { slug: "asc" },
    });
  }

  return { tag, categorySlug, slug, sku, staff, row, csv, importText, exportText, snapshot };
}
