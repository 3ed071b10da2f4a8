import "server-only";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PLACEHOLDER_IMAGE_PATH } from "@/lib/images/product-image-path";
import type { CatalogRow, CatalogRowSource } from "./catalog-row";
import type { CatalogImportCheck, ProductPlan } from "./import-check";

/** Rows per statement: a few dozen round trips for 100,000 rows, parameters well under PostgreSQL's limits. */
const BATCH = 1_000;
/** The reason stock changes made by an import carry in the stock history. */
export const IMPORT_STOCK_REASON = "Catalog import";

/** The file changed between the check and the apply: nothing is applied. */
export class CatalogFileChangedError extends Error {
  override name = "CatalogFileChangedError";
}

type Tx = Prisma.TransactionClient;

/**
 * The second pass: applies the checked file inside the caller's transaction,
 * batch by batch (multi-row statements from arrays): new products, changed
 * product fields, variants upserted by SKU with their stock changes recorded
 * as inventory adjustments, then each imported product's options. Returns the
 * ids of the imported products. Variants the file does not list are left alone.
 */
export async function applyCatalogRows(tx: Tx, source: CatalogRowSource, check: CatalogImportCheck, actorId: string): Promise<string[]> {
  const written = new Set<string>();
  const ordinals = new Map<string, number>();
  let batch: CatalogRow[] = [];
  const flush = async () => {
    const firsts: CatalogRow[] = [];
    for (const row of batch) {
      if (written.has(row.productSlug)) continue;
      written.add(row.productSlug);
      firsts.push(row);
    }
    const plans = firsts.map((row) => ({ row, plan: planOf(check, row) }));
    await insertProducts(tx, plans.filter(({ plan }) => !plan.existingId));
    await updateProducts(tx, plans.filter(({ plan }) => plan.existingId && plan.fieldsChanged));
    await upsertVariants(tx, batch, check, ordinals, actorId);
    batch = [];
  };
  for await (const read of source.rows()) {
    if (!read.data) throw new CatalogFileChangedError("a row no longer reads");
    batch.push(read.data);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  const plans = [...check.products.values()];
  if (plans.some((plan) => !written.has(plan.slug))) throw new CatalogFileChangedError("a product is missing");
  await replaceOptions(tx, plans.filter((plan) => plan.optionsChanged));
  return plans.map((plan) => plan.existingId ?? "");
}

function planOf(check: CatalogImportCheck, row: CatalogRow): ProductPlan {
  const plan = check.products.get(row.productSlug);
  if (!plan) throw new CatalogFileChangedError("an unchecked product");
  return plan;
}

async function insertProducts(tx: Tx, items: { row: CatalogRow; plan: ProductPlan }[]) {
  if (items.length === 0) return;
  const rows = items.map(({ row }) => row);
  // The listing price starts at 0 and follows the variants (syncProductPrices), like every product's.
  const inserted = await tx.$queryRaw<{ id: string; slug: string }[]>`
    INSERT INTO "Product" (id, slug, name, description, "categoryId", published, featured, "metaTitle", "metaDescription", "priceMinor", currency, "imagePath", "updatedAt")
    SELECT gen_random_uuid()::text, t.*, 0, ${SHOP_CURRENCY}, ${PLACEHOLDER_IMAGE_PATH}, now()
    FROM unnest(${rows.map((r) => r.productSlug)}::text[], ${rows.map((r) => r.productName)}::text[], ${rows.map((r) => r.description)}::text[],
      ${items.map(({ plan }) => plan.categoryId)}::text[], ${rows.map((r) => r.published)}::boolean[], ${rows.map((r) => r.featured)}::boolean[],
      ${rows.map((r) => r.metaTitle)}::text[], ${rows.map((r) => r.metaDescription)}::text[])
      AS t(slug, name, description, "categoryId", published, featured, "metaTitle", "metaDescription")
    RETURNING id, slug`;
  const bySlug = new Map(inserted.map((product) => [product.slug, product.id]));
  for (const { plan } of items) plan.existingId = bySlug.get(plan.slug) ?? null;
}

async function updateProducts(tx: Tx, items: { row: CatalogRow; plan: ProductPlan }[]) {
  if (items.length === 0) return;
  const rows = items.map(({ row }) => row);
  await tx.$executeRaw`
    UPDATE "Product" AS p SET name = t.name, description = t.description, "categoryId" = t."categoryId", published = t.published, featured = t.featured,
      "metaTitle" = t."metaTitle", "metaDescription" = t."metaDescription", "updatedAt" = now()
    FROM unnest(${items.map(({ plan }) => plan.existingId)}::text[], ${rows.map((r) => r.productName)}::text[], ${rows.map((r) => r.description)}::text[],
      ${items.map(({ plan }) => plan.categoryId)}::text[], ${rows.map((r) => r.published)}::boolean[], ${rows.map((r) => r.featured)}::boolean[],
      ${rows.map((r) => r.metaTitle)}::text[], ${rows.map((r) => r.metaDescription)}::text[])
      AS t(id, name, description, "categoryId", published, featured, "metaTitle", "metaDescription")
    WHERE p.id = t.id`;
}

/**
 * Upserts by SKU. The stored variants are locked first and their stock read
 * in the upsert's own statement, so each change of stock becomes one
 * adjustment row with the true difference. A new variant goes after its product's others, in file order.
 * The WHERE of the update never moves a SKU between products: the check
 * refused that, and this holds even if the shop changed in between.
 */
async function upsertVariants(tx: Tx, rows: CatalogRow[], check: CatalogImportCheck, ordinals: Map<string, number>, actorId: string) {
  if (rows.length === 0) return;
  const ords = rows.map((row) => {
    const ord = ordinals.get(row.productSlug) ?? 0;
    ordinals.set(row.productSlug, ord + 1);
    return ord;
  });
  // Locked first, in a statement of its own: the upsert's snapshot then holds the stock it replaces.
  await tx.$executeRaw`SELECT 1 FROM "ProductVariant" WHERE sku = ANY(${rows.map((r) => r.sku)}::text[]) ORDER BY sku FOR UPDATE`;
  await tx.$executeRaw`
    WITH t AS (
      SELECT * FROM unnest(${rows.map((r) => r.sku)}::text[], ${rows.map((r) => planOf(check, r).existingId)}::text[],
        ${rows.map((r) => JSON.stringify(r.options.map((o) => o.value)))}::text[], ${rows.map((r) => r.priceMinor)}::int[],
        ${rows.map((r) => r.compareAtPriceMinor)}::int[], ${rows.map((r) => r.stock)}::int[], ${rows.map((r) => r.weightGrams)}::int[],
        ${rows.map((r) => r.maxPerOrder)}::int[], ${ords}::int[])
        AS t(sku, "productId", "optionValues", "priceMinor", "compareAtPriceMinor", stock, "weightGrams", "maxPerOrder", ord)
    ),
    old AS (SELECT v.sku, v.stock FROM "ProductVariant" v WHERE v.sku IN (SELECT sku FROM t)),
    up AS (
      INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", "priceMinor", "compareAtPriceMinor", stock, "weightGrams", "maxPerOrder", position, "updatedAt")
      SELECT gen_random_uuid()::text, t."productId", t.sku, ARRAY(SELECT jsonb_array_elements_text(t."optionValues"::jsonb)), t."priceMinor",
        t."compareAtPriceMinor", t.stock, t."weightGrams", t."maxPerOrder",
        COALESCE((SELECT max(e.position) + 1 FROM "ProductVariant" e WHERE e."productId" = t."productId"), 0) + t.ord, now()
      FROM t
      ON CONFLICT (sku) DO UPDATE SET "optionValues" = EXCLUDED."optionValues", "priceMinor" = EXCLUDED."priceMinor",
        "compareAtPriceMinor" = EXCLUDED."compareAtPriceMinor", stock = EXCLUDED.stock, "weightGrams" = EXCLUDED."weightGrams",
        "maxPerOrder" = EXCLUDED."maxPerOrder", "archivedAt" = NULL, "updatedAt" = now()
      WHERE "ProductVariant"."productId" = EXCLUDED."productId"
        AND ("ProductVariant"."optionValues", "ProductVariant"."priceMinor", "ProductVariant"."compareAtPriceMinor", "ProductVariant".stock,
             "ProductVariant"."weightGrams", "ProductVariant"."maxPerOrder", "ProductVariant"."archivedAt")
          IS DISTINCT FROM (EXCLUDED."optionValues", EXCLUDED."priceMinor", EXCLUDED."compareAtPriceMinor", EXCLUDED.stock,
             EXCLUDED."weightGrams", EXCLUDED."maxPerOrder", NULL::timestamp)
      RETURNING id, sku, stock
    )
    INSERT INTO "InventoryAdjustment" (id, "variantId", delta, reason, "actorId")
    SELECT gen_random_uuid()::text, up.id, up.stock - COALESCE(old.stock, 0), ${IMPORT_STOCK_REASON}, ${actorId}
    FROM up LEFT JOIN old ON old.sku = up.sku
    WHERE up.stock <> COALESCE(old.stock, 0)`;
}

/** Replaces the options of the products whose options change (new products' included). */
async function replaceOptions(tx: Tx, plans: ProductPlan[]) {
  for (let start = 0; start < plans.length; start += BATCH) {
    const chunk = plans.slice(start, start + BATCH);
    const ids = chunk.map((plan) => plan.existingId ?? "");
    await tx.$executeRaw`DELETE FROM "ProductOption" WHERE "productId" = ANY(${ids}::text[])`;
    const options = chunk.flatMap((plan) => plan.options.map((option) => ({ ...option, productId: plan.existingId ?? "" })));
    if (options.length === 0) continue;
    await tx.$executeRaw`
      INSERT INTO "ProductOption" (id, "productId", name, position, values)
      SELECT gen_random_uuid()::text, t."productId", t.name, t.position, ARRAY(SELECT jsonb_array_elements_text(t.vals::jsonb))
      FROM unnest(${options.map((o) => o.productId)}::text[], ${options.map((o) => o.name)}::text[], ${options.map((o) => o.position)}::int[],
        ${options.map((o) => JSON.stringify(o.values))}::text[]) AS t("productId", name, position, vals)`;
  }
}
