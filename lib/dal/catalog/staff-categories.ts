import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/dal/audit/log";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";

/** The fields the category form owns; position (move up/down) and archiving have their own actions. */
export type CategoryFields = { name: string; slug: string; description: string; metaTitle: string | null; metaDescription: string | null };

export type StaffCategoryDTO = CategoryFields & { id: string; position: number; archived: boolean; productCount: number; publishedCount: number };

export const CategoryError = { notFound: "not_found", slugTaken: "slug_taken", hasProducts: "has_products", archived: "archived" } as const;
export type CategoryErrorCode = (typeof CategoryError)[keyof typeof CategoryError];
export type CategoryResult = { ok: true; id: string } | { ok: false; code: CategoryErrorCode };

const fieldSelect = { name: true, slug: true, description: true, metaTitle: true, metaDescription: true } as const satisfies Record<keyof CategoryFields, true>;
const actorOf = (viewer: StaffViewer) => ({ id: viewer.userId, role: viewer.role });
const byPosition = [{ position: "asc" }, { name: "asc" }] satisfies Prisma.CategoryOrderByWithRelationInput[];

/** Copies the owned fields by name (no mass assignment from a wider object). */
const ownedFields = (fields: CategoryFields): CategoryFields => ({
  name: fields.name,
  slug: fields.slug,
  description: fields.description,
  metaTitle: fields.metaTitle,
  metaDescription: fields.metaDescription,
});

/** Every category, live ones first in shop order, then the archived, with how many products each holds. */
export async function listStaffCategories(viewer: StaffViewer): Promise<StaffCategoryDTO[]> {
  assertPermission(viewer, "products:read");
  const rows = await db.category.findMany({
    select: { id: true, position: true, archivedAt: true, ...fieldSelect, _count: { select: { products: true } } },
    orderBy: byPosition,
  });
  const published = await db.product.groupBy({ by: ["categoryId"], where: { published: true }, _count: { _all: true } });
  const publishedBy = new Map(published.map((row) => [row.categoryId, row._count._all]));
  const dtos = rows.map(({ archivedAt, _count, ...row }) => ({ ...row, archived: archivedAt !== null, productCount: _count.products, publishedCount: publishedBy.get(row.id) ?? 0 }));
  return [...dtos.filter((row) => !row.archived), ...dtos.filter((row) => row.archived)];
}

export async function getStaffCategory(viewer: StaffViewer, id: string): Promise<StaffCategoryDTO | null> {
  return (await listStaffCategories(viewer)).find((category) => category.id === id) ?? null;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Creates a category (id null) at the end of the shop's order, or saves one's fields; audited. A taken slug is refused. */
export async function saveCategory(viewer: StaffViewer, id: string | null, input: CategoryFields, context: AuditContext): Promise<CategoryResult> {
  assertPermission(viewer, "products:write");
  const fields = ownedFields(input);
  try {
    return await db.$transaction(async (tx): Promise<CategoryResult> => {
      const sameSlug = await tx.category.findUnique({ where: { slug: fields.slug }, select: { id: true } });
      if (sameSlug && sameSlug.id !== id) return { ok: false, code: CategoryError.slugTaken };
      if (id === null) {
        const last = await tx.category.aggregate({ _max: { position: true } });
        const created = await tx.category.create({ data: { ...fields, position: (last._max.position ?? 0) + 1 }, select: { id: true } });
        await audit(tx, viewer, "category.created", created.id, null, fields, context);
        return { ok: true, id: created.id };
      }
      const before = await tx.category.findUnique({ where: { id }, select: fieldSelect });
      if (!before) return { ok: false, code: CategoryError.notFound };
      await tx.category.update({ where: { id }, data: fields });
      await audit(tx, viewer, "category.updated", id, before, fields, context);
      return { ok: true, id };
    });
  } catch (error) {
    // Two saves racing for one slug: the unique index decides, and the loser hears the same refusal.
    if (isUniqueViolation(error)) return { ok: false, code: CategoryError.slugTaken };
    throw error;
  }
}

/**
 * Moves a live category one place up or down the shop's order by swapping
 * positions with its neighbour, under a lock on the table's rows so two
 * moves at once cannot leave two categories on one place. At either end it
 * stays where it is.
 */
export async function moveCategory(viewer: StaffViewer, id: string, direction: "up" | "down", context: AuditContext): Promise<CategoryResult> {
  assertPermission(viewer, "products:write");
  return db.$transaction(async (tx): Promise<CategoryResult> => {
    await tx.$executeRaw`SELECT 1 FROM "Category" WHERE "archivedAt" IS NULL ORDER BY position FOR UPDATE`;
    const live = await tx.category.findMany({ where: { archivedAt: null }, select: { id: true, position: true }, orderBy: byPosition });
    const index = live.findIndex((category) => category.id === id);
    if (index < 0) return { ok: false, code: (await tx.category.count({ where: { id } })) ? CategoryError.archived : CategoryError.notFound };
    const order = live.map((category) => category.id);
    const other = index + (direction === "up" ? -1 : 1);
    if (other < 0 || other >= order.length) return { ok: true, id };
    [order[index], order[other]] = [order[other]!, order[index]!];
    // Renumber all live categories 1..n: positions that were equal (or gapped) come out distinct.
    for (const [position, categoryId] of order.entries()) await tx.category.update({ where: { id: categoryId }, data: { position: position + 1 } });
    await audit(tx, viewer, "category.moved", id, { position: index + 1 }, { position: other + 1 }, context);
    return { ok: true, id };
  });
}

/**
 * Archives a category (gone from the navigation, its page and the sitemap;
 * kept for discounts and history) or restores it to the end of the shop's
 * order. Archiving is refused while it holds published products: they would
 * lose their category page and breadcrumb. Audited.
 */
export async function setCategoryArchived(viewer: StaffViewer, id: string, archived: boolean, context: AuditContext): Promise<CategoryResult> {
  assertPermission(viewer, "products:write");
  return db.$transaction(async (tx): Promise<CategoryResult> => {
    const rows = await tx.$queryRaw<{ archivedAt: Date | null }[]>`SELECT "archivedAt" FROM "Category" WHERE id = ${id} FOR UPDATE`;
    const row = rows[0];
    if (!row) return { ok: false, code: CategoryError.notFound };
    if ((row.archivedAt !== null) === archived) return { ok: true, id };
    if (archived && (await tx.product.count({ where: { categoryId: id, published: true } })) > 0) return { ok: false, code: CategoryError.hasProducts };
    if (archived) await tx.category.update({ where: { id }, data: { archivedAt: new Date() } });
    else {
      const last = await tx.category.aggregate({ where: { archivedAt: null }, _max: { position: true } });
      await tx.category.update({ where: { id }, data: { archivedAt: null, position: (last._max.position ?? 0) + 1 } });
    }
    await audit(tx, viewer, archived ? "category.archived" : "category.restored", id, { archived: !archived }, { archived }, context);
    return { ok: true, id };
  });
}

async function audit(
  tx: Prisma.TransactionClient,
  viewer: StaffViewer,
  action: string,
  id: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  context: AuditContext,
) {
  await appendAudit(tx, {
    actor: actorOf(viewer),
    action,
    target: { type: "category", id },
    ...(before ? { before: auditValues("Category", before) } : {}),
    after: auditValues("Category", after),
    outcome: "success",
    context,
  });
}
