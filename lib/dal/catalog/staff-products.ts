import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  type StaffProductDTO,
  type StaffProductSummaryDTO,
  staffProductSelect,
  staffProductSummarySelect,
  toStaffProduct,
  toStaffProductSummary,
} from "./staff-products-dto";
import { ADMIN_PRODUCTS_PAGE_SIZE, type StaffProductFilters } from "@/lib/catalog/staff-product-filters";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";

export type StaffProductPageDTO = { products: StaffProductSummaryDTO[]; total: number; pages: number };

export type StaffCategoryOptionDTO = { id: string; name: string; slug: string };

const statusWhere: Record<StaffProductFilters["status"], Prisma.ProductWhereInput> = {
  all: { archivedAt: null },
  published: { archivedAt: null, published: true },
  unpublished: { archivedAt: null, published: false },
  archived: { archivedAt: { not: null } },
};

function whereOf(filters: StaffProductFilters): Prisma.ProductWhereInput {
  return {
    ...(filters.query && { name: { contains: filters.query, mode: "insensitive" } }),
    ...(filters.category && { category: { slug: filters.category } }),
    ...statusWhere[filters.status],
  };
}

/** One page (50) of products for the admin list, published or not, newest edits first. */
export async function listStaffProducts(viewer: StaffViewer, filters: StaffProductFilters): Promise<StaffProductPageDTO> {
  assertPermission(viewer, "products:read");
  const where = whereOf(filters);
  const [rows, total] = await Promise.all([
    db.product.findMany({
      where,
      select: staffProductSummarySelect,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (filters.page - 1) * ADMIN_PRODUCTS_PAGE_SIZE,
      take: ADMIN_PRODUCTS_PAGE_SIZE,
    }),
    db.product.count({ where }),
  ]);
  return { products: rows.map(toStaffProductSummary), total, pages: Math.max(1, Math.ceil(total / ADMIN_PRODUCTS_PAGE_SIZE)) };
}

/** A product by id for its admin page, or null. */
export async function getStaffProduct(viewer: StaffViewer, productId: string): Promise<StaffProductDTO | null> {
  assertPermission(viewer, "products:read");
  const row = await db.product.findUnique({ where: { id: productId }, select: staffProductSelect });
  return row ? toStaffProduct(row) : null;
}

/** The categories a product may be filed under (the form's choices and the list's filter). */
export async function listCategoryOptions(viewer: StaffViewer): Promise<StaffCategoryOptionDTO[]> {
  assertPermission(viewer, "products:read");
  return db.category.findMany({ where: { archivedAt: null }, select: { id: true, name: true, slug: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
}
