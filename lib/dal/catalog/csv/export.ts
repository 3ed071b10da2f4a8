import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/dal/audit/log";
import { assertCatalogCsvPermission, type CatalogCsvActor, catalogCsvAuditActor } from "./actor";
import type { CatalogRow } from "./catalog-row";

/** Products read per query: the export streams, whatever the catalog's size. */
const PAGE = 500;

const productSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  published: true,
  featured: true,
  metaTitle: true,
  metaDescription: true,
  category: { select: { slug: true } },
  options: { select: { name: true, position: true }, orderBy: { position: "asc" as const } },
  variants: {
    where: { archivedAt: null },
    select: { sku: true, optionValues: true, priceMinor: true, compareAtPriceMinor: true, stock: true, weightGrams: true, maxPerOrder: true },
    orderBy: [{ position: "asc" as const }, { sku: "asc" as const }],
  },
} satisfies Prisma.ProductSelect;

/**
 * The catalog as the file the import reads (one row per live variant,
 * products by slug, variants by position), for staff with products:read
 * (stock is internal). Audited ("catalog.exported", with the counts) before
 * the first row; read page by page, so memory stays flat however big the catalog.
 */
export async function exportCatalog(actor: CatalogCsvActor, context: AuditContext): Promise<AsyncGenerator<CatalogRow>> {
  assertCatalogCsvPermission(actor, "products:read");
  const [products, variants] = await Promise.all([db.product.count(), db.productVariant.count({ where: { archivedAt: null } })]);
  await recordAudit({ actor: catalogCsvAuditActor(actor), action: "catalog.exported", after: { products, variants }, outcome: "success", context });
  return catalogRows();
}

async function* catalogRows(): AsyncGenerator<CatalogRow> {
  let after: string | null = null;
  for (;;) {
    const where: Prisma.ProductWhereInput = after === null ? {} : { slug: { gt: after } };
    const page = await db.product.findMany({
      where,
      select: productSelect,
      orderBy: { slug: "asc" },
      take: PAGE,
    });
    for (const product of page) {
      for (const variant of product.variants) {
        yield {
          productSlug: product.slug,
          productName: product.name,
          description: product.description,
          categorySlug: product.category.slug,
          published: product.published,
          featured: product.featured,
          metaTitle: product.metaTitle,
          metaDescription: product.metaDescription,
          options: product.options.map((option) => ({ name: option.name, value: variant.optionValues[option.position] ?? "" })),
          sku: variant.sku,
          priceMinor: variant.priceMinor,
          compareAtPriceMinor: variant.compareAtPriceMinor,
          stock: variant.stock,
          weightGrams: variant.weightGrams,
          maxPerOrder: variant.maxPerOrder,
        };
      }
    }
    if (page.length < PAGE) return;
    after = page.at(-1)?.slug ?? null;
  }
}
