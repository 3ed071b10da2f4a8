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

/**
 * The fields the product form owns. Stock (inventory adjustments), the
 * published flag (its own action), the image (uploads), the currency (the
 * shop's), ids and timestamps are never among them.
 */
export type ProductFields = {
  name: string;
  slug: string;
  description: string;
  priceMinor: number;
  categoryId: string;
  maxPerOrder: number;
  /** Shipping weight in grams (weight-band shipping rates). */
  weightGrams: number;
  featured: boolean;
  /** For search engines and share cards; null: the name and description serve. */
  metaTitle: string | null;
  metaDescription: string | null;
};

export const ProductSaveError = {
  notFound: "not_found",
  slugTaken: "slug_taken",
  unknownCategory: "unknown_category",
} as const;

export type ProductSaveErrorCode = (typeof ProductSaveError)[keyof typeof ProductSaveError];

export type ProductSaveResult = { ok: true; id: string } | { ok: false; code: ProductSaveErrorCode };

const ownedSelect = {
  name: true,
  slug: true,
  description: true,
  priceMinor: true,
  categoryId: true,
  maxPerOrder: true,
  weightGrams: true,
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
    priceMinor: fields.priceMinor,
    categoryId: fields.categoryId,
    maxPerOrder: fields.maxPerOrder,
    weightGrams: fields.weightGrams,
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

/** Runs a save; a slug taken by a concurrent save (the unique index) is the same expected refusal. */
async function refusingDuplicateSlug(save: () => Promise<ProductSaveResult>): Promise<ProductSaveResult> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: ProductSaveError.slugTaken };
    throw error;
  }
}

/**
 * Creates a product, unpublished, with no stock and the placeholder image, in
 * the shop's currency; audited ("product.created") in the same transaction.
 */
export async function createProduct(viewer: StaffViewer, input: ProductFields, context: AuditContext): Promise<ProductSaveResult> {
  assertPermission(viewer, "products:write");
  const fields = ownedFields(input);
  return refusingDuplicateSlug(() =>
    db.$transaction(async (tx): Promise<ProductSaveResult> => {
      const conflict = await conflictOf(tx, fields, null);
      if (conflict) return { ok: false, code: conflict };
      const managed = { currency: SHOP_CURRENCY, stock: 0, published: false, imagePath: PLACEHOLDER_IMAGE_PATH };
      const product = await tx.product.create({ data: { ...fields, ...managed }, select: { id: true } });
      await appendAudit(tx, {
        actor: { id: viewer.userId, role: viewer.role },
        action: "product.created",
        target: { type: "product", id: product.id },
        after: auditValues("Product", { ...fields, ...managed }),
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
