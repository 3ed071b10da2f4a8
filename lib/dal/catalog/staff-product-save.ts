import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PLACEHOLDER_IMAGE_PATH } from "@/lib/images/product-image-path";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";
import type { VariantFields } from "./staff-variants";

/**
 * The fields the product form owns. Prices, weights and limits (its variants),
 * stock (inventory adjustments), the published flag (its own action), the
 * image (uploads), the currency (the shop's), ids and timestamps are never among them.
 */
export type ProductFields = {
  name: string;
  slug: string;
  description: string;
  categoryId: string;
  featured: boolean;
  /** For search engines and share cards; null: the name and description serve. */
  metaTitle: string | null;
  metaDescription: string | null;
};

export const ProductSaveError = {
  notFound: "not_found",
  slugTaken: "slug_taken",
  unknownCategory: "unknown_category",
  skuTaken: "sku_taken",
  compareAtNotAbove: "compare_at_not_above",
} as const;

export type ProductSaveErrorCode = (typeof ProductSaveError)[keyof typeof ProductSaveError];

export type ProductSaveResult = { ok: true; id: string } | { ok: false; code: ProductSaveErrorCode };

const ownedSelect = {
  name: true,
  slug: true,
  description: true,
  categoryId: true,
  featured: true,
  metaTitle: true,
  metaDescription: true,
} as const satisfies Record<keyof ProductFields, true>;

const FIELD_NAMES = Object.keys(ownedSelect) as (keyof ProductFields)[];

/**
 * Copies the owned fields by name. Spreading the input instead would let any
 * extra property a caller passed through (stock, currency, id…) reach Prisma:
 * mass assignment.
 */
function ownedFields(fields: ProductFields): ProductFields {
  return {
    name: fields.name,
    slug: fields.slug,
    description: fields.description,
    categoryId: fields.categoryId,
    featured: fields.featured,
    metaTitle: fields.metaTitle,
    metaDescription: fields.metaDescription,
  };
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function conflictOf(tx: Prisma.TransactionClient, fields: ProductFields, productId: string | null) {
  const sameSlug = await tx.product.findUnique({ where: { slug: fields.slug }, select: { id: true } });
  if (sameSlug && sameSlug.id !== productId) return ProductSaveError.slugTaken;
  // An archived category takes no products: it has no page to show them on.
  const category = await tx.category.findFirst({ where: { id: fields.categoryId, archivedAt: null }, select: { id: true } });
  return category ? null : ProductSaveError.unknownCategory;
}

/** Runs a save; a slug (or SKU) taken by a concurrent save (the unique index) is the same expected refusal. */
async function refusingDuplicateSlug(save: () => Promise<ProductSaveResult>): Promise<ProductSaveResult> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) {
      const target = String((error as Prisma.PrismaClientKnownRequestError).meta?.target ?? "");
      return { ok: false, code: target.includes("sku") ? ProductSaveError.skuTaken : ProductSaveError.slugTaken };
    }
    throw error;
  }
}

/** The first variant of a new product: a product without options has just this one. */
export type FirstVariantFields = Omit<VariantFields, "optionValues">;

/**
 * Creates a product, unpublished, with the placeholder image, in the shop's
 * currency, and its first variant (no options, no stock); audited
 * ("product.created") in the same transaction.
 */
export async function createProduct(
  viewer: StaffViewer,
  input: ProductFields,
  firstVariant: FirstVariantFields,
  context: AuditContext,
): Promise<ProductSaveResult> {
  assertPermission(viewer, "products:write");
  const fields = ownedFields(input);
  const variant = {
    sku: firstVariant.sku,
    priceMinor: firstVariant.priceMinor,
    compareAtPriceMinor: firstVariant.compareAtPriceMinor,
    weightGrams: firstVariant.weightGrams,
    maxPerOrder: firstVariant.maxPerOrder,
  };
  if (variant.compareAtPriceMinor !== null && variant.compareAtPriceMinor <= variant.priceMinor) return { ok: false, code: ProductSaveError.compareAtNotAbove };
  return refusingDuplicateSlug(() =>
    db.$transaction(async (tx): Promise<ProductSaveResult> => {
      const conflict = await conflictOf(tx, fields, null);
      if (conflict) return { ok: false, code: conflict };
      if (await tx.productVariant.findUnique({ where: { sku: variant.sku }, select: { id: true } })) return { ok: false, code: ProductSaveError.skuTaken };
      const managed = { currency: SHOP_CURRENCY, published: false, imagePath: PLACEHOLDER_IMAGE_PATH };
      const product = await tx.product.create({
        data: { ...fields, ...managed, priceMinor: variant.priceMinor, variants: { create: { ...variant, optionValues: [] } } },
        select: { id: true },
      });
      await appendAudit(tx, {
        actor: { id: viewer.userId, role: viewer.role },
        action: "product.created",
        target: { type: "product", id: product.id },
        after: { ...auditValues("Product", { ...fields, ...managed }), variant: auditValues("ProductVariant", variant) },
        outcome: "success",
        context,
      });
      return { ok: true, id: product.id };
    }),
  );
}

/**
 * Saves the form's fields of an existing product. The audit entry
 * ("product.updated") records the changed fields only, before and after;
 * a save that changes nothing writes nothing.
 */
export async function updateProduct(
  viewer: StaffViewer,
  productId: string,
  input: ProductFields,
  context: AuditContext,
): Promise<ProductSaveResult> {
  assertPermission(viewer, "products:write");
  const fields = ownedFields(input);
  return refusingDuplicateSlug(() =>
    db.$transaction(async (tx): Promise<ProductSaveResult> => {
      // Locked, so the "before" values are the ones this save replaces.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${productId} FOR UPDATE`;
      if (locked.length === 0) return { ok: false, code: ProductSaveError.notFound };
      const current = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: ownedSelect });
      const conflict = await conflictOf(tx, fields, productId);
      if (conflict) return { ok: false, code: conflict };
      const changed = FIELD_NAMES.filter((name) => current[name] !== fields[name]);
      if (changed.length === 0) return { ok: true, id: productId };
      await tx.product.update({ where: { id: productId }, data: fields, select: { id: true } });
      const pick = (values: ProductFields) => Object.fromEntries(changed.map((name) => [name, values[name]]));
      await appendAudit(tx, {
        actor: { id: viewer.userId, role: viewer.role },
        action: "product.updated",
        target: { type: "product", id: productId },
        before: auditValues("Product", pick(current)),
        after: auditValues("Product", pick(fields)),
        outcome: "success",
        context,
      });
      return { ok: true, id: productId };
    }),
  );
}
