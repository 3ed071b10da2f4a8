import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";
import { syncProductPrices } from "./variant-prices";
import { traceForeignVariant } from "./foreign-variant";

/** A product offers at most this many options (e.g. size, colour, material). */
export const MAX_OPTIONS = 3;

/** The fields of a variant staff edit; stock changes only through inventory adjustments. */
export type VariantFields = {
  sku: string;
  /** One value per option of the product, in their order. */
  optionValues: string[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  weightGrams: number;
  maxPerOrder: number;
};

export type ProductOptionInput = { name: string; values: string[] };

export const VariantError = {
  notFound: "not_found",
  skuTaken: "sku_taken",
  /** The option values do not name one value of each of the product's options. */
  optionMismatch: "option_mismatch",
  /** Another live variant of the product has the same option values. */
  duplicateCombination: "duplicate_combination",
  /** The compare-at price must be above the price. */
  compareAtNotAbove: "compare_at_not_above",
  /** Archiving would leave the product with nothing on sale while it is published. */
  lastLiveVariant: "last_live_variant",
  /** New options would not fit a live variant's values (edit or archive it first). */
  optionsDoNotFit: "options_do_not_fit",
} as const;

export type VariantErrorCode = (typeof VariantError)[keyof typeof VariantError];
export type VariantResult = { ok: true; id: string } | { ok: false; code: VariantErrorCode };

const actorOf = (viewer: StaffViewer) => ({ id: viewer.userId, role: viewer.role });
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Locks the product row: variant and option changes of one product happen one at a time. */
async function lockProduct(tx: Prisma.TransactionClient, productId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${productId} FOR UPDATE`;
  return rows.length === 1;
}

const sameValues = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** Whether `optionValues` name one value of each of the product's options, in their order. */
async function fitsOptions(tx: Prisma.TransactionClient, productId: string, optionValues: readonly string[]): Promise<boolean> {
  const options = await tx.productOption.findMany({ where: { productId }, select: { values: true }, orderBy: { position: "asc" } });
  return optionValues.length === options.length && options.every((option, index) => option.values.includes(optionValues[index] ?? ""));
}

/** Why `fields` cannot be a live variant of the product beside the others (null: it can). */
async function variantConflict(tx: Prisma.TransactionClient, productId: string, fields: VariantFields, variantId: string | null): Promise<VariantErrorCode | null> {
  if (fields.compareAtPriceMinor !== null && fields.compareAtPriceMinor <= fields.priceMinor) return VariantError.compareAtNotAbove;
  if (!(await fitsOptions(tx, productId, fields.optionValues))) return VariantError.optionMismatch;
  const siblings = await tx.productVariant.findMany({ where: { productId, archivedAt: null, id: { not: variantId ?? "" } }, select: { optionValues: true } });
  if (siblings.some((sibling) => sameValues(sibling.optionValues, fields.optionValues))) return VariantError.duplicateCombination;
  const sameSku = await tx.productVariant.findUnique({ where: { sku: fields.sku }, select: { id: true } });
  return sameSku && sameSku.id !== variantId ? VariantError.skuTaken : null;
}

const variantFieldSelect = {
  sku: true,
  optionValues: true,
  priceMinor: true,
  compareAtPriceMinor: true,
  weightGrams: true,
  maxPerOrder: true,
} as const satisfies Record<keyof VariantFields, true>;

const VARIANT_FIELD_NAMES = Object.keys(variantFieldSelect) as (keyof VariantFields)[];

/** Copies the owned fields by name, so nothing else a caller passed (stock, productId…) reaches Prisma. */
const ownedVariantFields = (fields: VariantFields) => ({
  sku: fields.sku,
  optionValues: [...fields.optionValues],
  priceMinor: fields.priceMinor,
  compareAtPriceMinor: fields.compareAtPriceMinor,
  weightGrams: fields.weightGrams,
  maxPerOrder: fields.maxPerOrder,
});

/**
 * Creates a variant of a product (`variantId` null; no stock until an
 * adjustment adds it) or saves one of its variants. A variant id of another
 * product is "not found" (and logged): the product id bound by the page decides. Audited
 * ("variant.created" / "variant.updated", changed fields only), and the
 * product's listing price follows.
 */
export async function saveVariant(
  viewer: StaffViewer,
  productId: string,
  variantId: string | null,
  input: VariantFields,
  context: AuditContext,
): Promise<VariantResult> {
  assertPermission(viewer, "products:write");
  const fields = ownedVariantFields(input);
  try {
    return await db.$transaction(async (tx): Promise<VariantResult> => {
      if (!(await lockProduct(tx, productId))) return { ok: false, code: VariantError.notFound };
      const current = variantId ? await tx.productVariant.findFirst({ where: { id: variantId, productId }, select: variantFieldSelect }) : null;
      if (variantId && !current) {
        await traceForeignVariant(tx, viewer, { productId, variantId }, "variant.updated");
        return { ok: false, code: VariantError.notFound };
      }
      const conflict = await variantConflict(tx, productId, fields, variantId);
      if (conflict) return { ok: false, code: conflict };
      let id = variantId;
      if (current && variantId) {
        const changed = VARIANT_FIELD_NAMES.filter((key) => JSON.stringify(current[key]) !== JSON.stringify(fields[key]));
        if (changed.length === 0) return { ok: true, id: variantId };
        await tx.productVariant.update({ where: { id: variantId }, data: fields, select: { id: true } });
        const pick = (values: Record<string, unknown>) => Object.fromEntries(changed.map((key) => [key, values[key]]));
        await appendAudit(tx, {
          actor: actorOf(viewer),
          action: "variant.updated",
          target: { type: "product", id: productId },
          before: { ...auditValues("ProductVariant", pick(current)), variantId },
          after: auditValues("ProductVariant", pick(fields)),
          outcome: "success",
          context,
        });
      } else {
        const last = await tx.productVariant.aggregate({ where: { productId }, _max: { position: true } });
        const created = await tx.productVariant.create({ data: { ...fields, productId, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
        id = created.id;
        await appendAudit(tx, {
          actor: actorOf(viewer),
          action: "variant.created",
          target: { type: "product", id: productId },
          after: { ...auditValues("ProductVariant", fields), variantId: id },
          outcome: "success",
          context,
        });
      }
      await syncProductPrices(tx, [productId]);
      return { ok: true, id: id as string };
    });
  } catch (error) {
    // A SKU taken by a concurrent save of another product: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, code: VariantError.skuTaken };
    throw error;
  }
}

/**
 * Archives a variant (no longer sold: carts show it as unavailable, orders
 * keep it) or brings it back. A published product keeps at least one live
 * variant; restoring refuses a combination a live sibling now has, or values
 * the product's options no longer offer.
 */
export async function setVariantArchived(
  viewer: StaffViewer,
  productId: string,
  variantId: string,
  archived: boolean,
  context: AuditContext,
): Promise<VariantResult> {
  assertPermission(viewer, "products:write");
  return db.$transaction(async (tx): Promise<VariantResult> => {
    if (!(await lockProduct(tx, productId))) return { ok: false, code: VariantError.notFound };
    const variant = await tx.productVariant.findFirst({ where: { id: variantId, productId }, select: { archivedAt: true, optionValues: true, sku: true } });
    if (!variant) {
      await traceForeignVariant(tx, viewer, { productId, variantId }, archived ? "variant.archived" : "variant.restored");
      return { ok: false, code: VariantError.notFound };
    }
    if ((variant.archivedAt !== null) === archived) return { ok: true, id: variantId };
    const product = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { published: true } });
    const live = await tx.productVariant.findMany({ where: { productId, archivedAt: null, id: { not: variantId } }, select: { optionValues: true } });
    if (archived && product.published && live.length === 0) return { ok: false, code: VariantError.lastLiveVariant };
    if (!archived && live.some((sibling) => sameValues(sibling.optionValues, variant.optionValues))) return { ok: false, code: VariantError.duplicateCombination };
    // Options changed while it was archived only have to fit live variants: a value dropped since cannot come back on sale.
    if (!archived && !(await fitsOptions(tx, productId, variant.optionValues))) return { ok: false, code: VariantError.optionMismatch };
    await tx.productVariant.update({ where: { id: variantId }, data: { archivedAt: archived ? new Date() : null }, select: { id: true } });
    await appendAudit(tx, {
      actor: actorOf(viewer),
      action: archived ? "variant.archived" : "variant.restored",
      target: { type: "product", id: productId },
      after: { variantId, sku: variant.sku },
      outcome: "success",
      context,
    });
    await syncProductPrices(tx, [productId]);
    return { ok: true, id: variantId };
  });
}

/**
 * Replaces a product's options (at most three, each with its values). Every
 * live variant must still name one value of each option; when an option is
 * added, existing variants take its first value, so a product without options
 * can grow into one with them. Audited ("product.options_changed").
 */
export async function setProductOptions(
  viewer: StaffViewer,
  productId: string,
  options: ProductOptionInput[],
  context: AuditContext,
): Promise<VariantResult> {
  assertPermission(viewer, "products:write");
  if (options.length > MAX_OPTIONS) throw new RangeError(`at most ${MAX_OPTIONS} options`);
  return db.$transaction(async (tx): Promise<VariantResult> => {
    if (!(await lockProduct(tx, productId))) return { ok: false, code: VariantError.notFound };
    const before = await tx.productOption.findMany({ where: { productId }, select: { name: true, values: true }, orderBy: { position: "asc" } });
    const variants = await tx.productVariant.findMany({ where: { productId }, select: { id: true, optionValues: true, archivedAt: true } });
    // Values for the new layout: kept by position, a new option's first value added, a removed option's value dropped.
    const moved = variants.map((variant) => ({
      ...variant,
      optionValues: options.map((option, index) => variant.optionValues[index] ?? option.values[0] ?? ""),
    }));
    const live = moved.filter((variant) => variant.archivedAt === null);
    const fits = live.every((variant) => variant.optionValues.every((value, index) => options[index]?.values.includes(value)));
    const combinations = new Set(live.map((variant) => JSON.stringify(variant.optionValues)));
    if (!fits || combinations.size !== live.length) return { ok: false, code: VariantError.optionsDoNotFit };
    await tx.productOption.deleteMany({ where: { productId } });
    await tx.productOption.createMany({ data: options.map((option, position) => ({ productId, name: option.name, values: option.values, position })) });
    for (const variant of moved) {
      await tx.productVariant.update({ where: { id: variant.id }, data: { optionValues: variant.optionValues }, select: { id: true } });
    }
    await appendAudit(tx, {
      actor: actorOf(viewer),
      action: "product.options_changed",
      target: { type: "product", id: productId },
      before: { options: before },
      after: { options },
      outcome: "success",
      context,
    });
    return { ok: true, id: productId };
  });
}
