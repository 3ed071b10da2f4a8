import "server-only";
import { hash } from "node:crypto";
import type { CatalogRow, CatalogRowIssue, CatalogSourceRow } from "./catalog-row";
import { optionLayouts, productsBySlug, type StoredProduct, type StoredVariant, variantsBySku } from "./import-lookups";
import { type OptionPlan, planOptions } from "./option-plan";

/** Rows checked against the database per round trip: few queries, bounded memory. */
const BATCH = 1_000;
/** The report lists this many problems and counts the rest. */
export const MAX_REPORTED_ISSUES = 100;

/** The columns every row of one product repeats, compared by short hashes so a long description is not kept per product. */
const PRODUCT_COLUMNS = ["product_name", "description", "category_slug", "published", "featured", "meta_title", "meta_description"] as const;

const productValues = (row: CatalogRow, categoryId: string) => [row.productName, row.description, categoryId, row.published, row.featured, row.metaTitle, row.metaDescription];
const storedValues = (p: StoredProduct) => [p.name, p.description, p.categoryId, p.published, p.featured, p.metaTitle, p.metaDescription];
/**
 * 8 characters of a SHA-1 per value, all of a row's in one string: enough to
 * tell two rows of one product apart, and one small string per product. The
 * one-shot hash makes no Hash object per call (each would hold native memory
 * until collected).
 */
const HASH_LENGTH = 8;
const fieldHashes = (values: unknown[]) => values.map((value) => hash("sha1", JSON.stringify(value ?? null), "base64url").slice(0, HASH_LENGTH)).join("");
const hashAt = (hashes: string, i: number) => hashes.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH);
/** One hash of all the values: what the later rows of a product are compared by (the field hashes only name a difference). */
const rowHash = (values: unknown[]) => hash("sha1", JSON.stringify(values), "base64url");
const comboKey = (values: readonly string[]) => values.join("\u0000");

/** What the import knows of one product of the file between the passes (small: no row contents but hashes and option values). */
export type ProductPlan = {
  slug: string;
  firstRow: number;
  hashes: string;
  rowHash: string;
  categoryId: string;
  /** What the file's rows say of `published`. */
  published: boolean;
  optionNames: string[];
  /** Each row's option values (joined) and the row, to refuse two rows with the same ones; arrays, as most products have a few. */
  combos: string[];
  comboRows: number[];
  /** Each option's values in the order the file first uses them. */
  fileValues: string[][];
  /** Whether the shop was asked for the product yet, and its id there when it exists. */
  looked: boolean;
  existingId: string | null;
  fieldsChanged: boolean;
  /** The options the product will have, and whether they differ from the stored ones (after `finish`). */
  options: OptionPlan[];
  optionsChanged: boolean;
};

export type ChangeCounts = { created: number; updated: number; unchanged: number };

/**
 * The first pass of an import: every row is checked (category, duplicate SKU,
 * SKU of another product, one option layout per product, the same product
 * fields on every row of a product) and compared with the shop, in batches,
 * so the counts of a dry run are what the import would change.
 */
export class CatalogImportCheck {
  readonly products = new Map<string, ProductPlan>();
  readonly skuRows = new Map<string, number>();
  readonly issues: CatalogRowIssue[] = [];
  issueCount = 0;
  rowCount = 0;
  readonly variants: ChangeCounts = { created: 0, updated: 0, unchanged: 0 };
  private pending: { row: number; data: CatalogRow }[] = [];

  constructor(private readonly categories: Map<string, string>) {}

  private issue(row: number, column: string, message: string) {
    this.issueCount += 1;
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ row, column, message });
  }

  async add(source: CatalogSourceRow): Promise<void> {
    this.rowCount += 1;
    if (source.issues) {
      for (const issue of source.issues) this.issue(issue.row, issue.column, issue.message);
      return;
    }
    const { row, data } = source;
    const categoryId = this.categories.get(data.categorySlug);
    if (!categoryId) this.issue(row, "category_slug", `There is no category with the slug "${data.categorySlug}".`);
    const firstWithSku = this.skuRows.get(data.sku);
    if (firstWithSku !== undefined) {
      this.issue(row, "sku", `The SKU "${data.sku}" is already on row ${firstWithSku}; each SKU appears once.`);
      return;
    }
    this.skuRows.set(data.sku, row);
    this.checkProduct(row, data, categoryId ?? "");
    this.pending.push({ row, data });
    if (this.pending.length >= BATCH) await this.flush();
  }

  /** The row against the first row of its product: same product fields, same option names, new option values. */
  private checkProduct(row: number, data: CatalogRow, categoryId: string) {
    const names = data.options.map((option) => option.name);
    const values = data.options.map((option) => option.value);
    const fields = productValues(data, data.categorySlug);
    const whole = rowHash(fields);
    let plan = this.products.get(data.productSlug);
    if (!plan) {
      plan = { slug: data.productSlug, firstRow: row, hashes: fieldHashes(fields), rowHash: whole, categoryId, published: data.published, optionNames: names, combos: [], comboRows: [], fileValues: names.map(() => []), looked: false, existingId: null, fieldsChanged: true, options: [], optionsChanged: false };
      this.products.set(data.productSlug, plan);
    } else {
      const first = plan.firstRow;
      const hashes = whole === plan.rowHash ? plan.hashes : fieldHashes(fields);
      PRODUCT_COLUMNS.forEach((column, i) => {
        if (hashAt(hashes, i) !== hashAt(plan?.hashes ?? "", i)) this.issue(row, column, `Differs from row ${first}, the first row of the product "${data.productSlug}": every row of a product repeats its fields.`);
      });
      if (comboKey(names) !== comboKey(plan.optionNames)) {
        const listed = plan.optionNames.length ? plan.optionNames.join(", ") : "no options";
        this.issue(row, "option1_name", `The product "${data.productSlug}" has ${listed} on row ${first}: every row of a product names the same options in the same order.`);
        return;
      }
    }
    const key = comboKey(values);
    const same = plan.comboRows[plan.combos.indexOf(key)];
    if (same !== undefined) {
      const what = values.length ? `the same option values (${values.join(", ")}) as row ${same}` : `no options, like row ${same}: a product without options has one variant`;
      this.issue(row, values.length ? "option1_value" : "option1_name", `This variant of "${data.productSlug}" has ${what}.`);
      return;
    }
    plan.combos.push(key);
    plan.comboRows.push(row);
    values.forEach((value, i) => {
      const list = plan.fileValues[i];
      if (list && !list.includes(value)) list.push(value);
    });
  }

  /** Compares the pending rows' products and variants with the shop's. */
  private async flush() {
    const batch = this.pending;
    this.pending = [];
    const unseen = [...new Set(batch.map(({ data }) => data.productSlug))].filter((slug) => this.products.get(slug)?.looked === false);
    for (const slug of unseen) this.products.get(slug)!.looked = true;
    for (const stored of await productsBySlug(unseen)) {
      const plan = this.products.get(stored.slug);
      if (!plan) continue;
      plan.existingId = stored.id;
      if (stored.archived && plan.published) {
        this.issue(plan.firstRow, "published", `The product "${stored.slug}" is archived: restore it in the admin first, or import it as not published.`);
      }
      const storedHashes = fieldHashes(storedValues(stored));
      plan.fieldsChanged = PRODUCT_COLUMNS.some((_, i) => (i === 2 ? stored.categoryId !== plan.categoryId : hashAt(storedHashes, i) !== hashAt(plan.hashes, i)));
    }
    const stored = new Map((await variantsBySku(batch.map(({ data }) => data.sku))).map((variant) => [variant.sku, variant]));
    for (const { row, data } of batch) {
      const variant = stored.get(data.sku);
      if (!variant) this.variants.created += 1;
      else if (variant.slug !== data.productSlug) this.issue(row, "sku", `The SKU "${data.sku}" belongs to another product ("${variant.slug}").`);
      else if (variantChanged(variant, data)) this.variants.updated += 1;
      else this.variants.unchanged += 1;
    }
  }

  /** After the last row: the remaining comparisons, and each product's options (checked against variants the file leaves alone). */
  async finish(): Promise<void> {
    await this.flush();
    if (this.rowCount === 0) this.issue(1, "", "The file has no rows after the header: nothing to import.");
    const existing = [...this.products.values()].filter((plan) => plan.existingId);
    for (let start = 0; start < existing.length; start += BATCH) {
      const plans = existing.slice(start, start + BATCH);
      const ids = plans.map((plan) => plan.existingId ?? "");
      const { options, variants } = await optionLayouts(ids);
      const optionsOf = groupBy(options, (option) => option.productId);
      const othersOf = groupBy(
        variants.filter((variant) => !this.skuRows.has(variant.sku)),
        (variant) => variant.productId,
      );
      for (const plan of plans) {
        const others = othersOf.get(plan.existingId ?? "") ?? [];
        this.checkVariantsLeftAlone(plan, others);
        const result = planOptions(plan.optionNames, plan.fileValues, optionsOf.get(plan.existingId ?? "") ?? [], others);
        plan.options = result.options;
        plan.optionsChanged = result.changed;
      }
    }
    for (const plan of this.products.values()) {
      if (!plan.existingId) {
        plan.options = planOptions(plan.optionNames, plan.fileValues, [], []).options;
        plan.optionsChanged = plan.options.length > 0;
      }
      // No longer needed: the memory goes back before the second pass.
      plan.combos = [];
      plan.comboRows = [];
      plan.fileValues = [];
      plan.hashes = "";
      plan.rowHash = "";
    }
    this.skuRows.clear();
    this.issues.sort((a, b) => a.row - b.row);
  }

  /** A live variant the file does not list keeps its option values: they must fit the file's layout. */
  private checkVariantsLeftAlone(plan: ProductPlan, others: { sku: string; optionValues: string[] }[]) {
    for (const variant of others) {
      if (variant.optionValues.length !== plan.optionNames.length) {
        this.issue(plan.firstRow, "option1_name", `The product "${plan.slug}" keeps the variant "${variant.sku}", not in the file, with ${variant.optionValues.length} option values, not ${plan.optionNames.length}: list it in the file or archive it first.`);
      } else {
        const same = plan.comboRows[plan.combos.indexOf(comboKey(variant.optionValues))];
        if (same !== undefined) this.issue(same, "option1_value", `The variant "${variant.sku}" of "${plan.slug}", not in the file, already has these option values.`);
      }
    }
  }

  /** The product counts, once `finish` has run. */
  productCounts(): ChangeCounts {
    const counts: ChangeCounts = { created: 0, updated: 0, unchanged: 0 };
    for (const plan of this.products.values()) {
      if (!plan.existingId) counts.created += 1;
      else if (plan.fieldsChanged || plan.optionsChanged) counts.updated += 1;
      else counts.unchanged += 1;
    }
    return counts;
  }
}

function variantChanged(variant: StoredVariant, row: CatalogRow): boolean {
  return (
    variant.archived ||
    variant.priceMinor !== row.priceMinor ||
    variant.compareAtPriceMinor !== row.compareAtPriceMinor ||
    variant.stock !== row.stock ||
    variant.weightGrams !== row.weightGrams ||
    variant.maxPerOrder !== row.maxPerOrder ||
    comboKey(variant.optionValues) !== comboKey(row.options.map((option) => option.value))
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
