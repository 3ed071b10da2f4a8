import "server-only";
import type { Money } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import { can } from "@/lib/auth/permissions";

/** A discount code as staff see it: its rules and how much it has been used. */
export type StaffDiscountCodeDTO = {
  id: string;
  code: string;
  kind: "percentage" | "fixed_amount";
  percentOff: number | null;
  amountOff: Money | null;
  minSubtotal: Money | null;
  startsAt: Date | null;
  endsAt: Date | null;
  totalLimit: number | null;
  perCustomerLimit: number | null;
  categoryIds: string[];
  active: boolean;
  /** Uses by paid orders. */
  redeemed: number;
  /** Uses held by orders awaiting payment (they count toward the limits until paid or released). */
  held: number;
  /** What the viewer may do with it. */
  actions: { edit: boolean };
};

const staffSelect = {
  id: true,
  code: true,
  kind: true,
  percentOff: true,
  amountOffMinor: true,
  currency: true,
  minSubtotalMinor: true,
  startsAt: true,
  endsAt: true,
  totalLimit: true,
  perCustomerLimit: true,
  categoryIds: true,
  active: true,
} as const;

async function usageCounts(ids: string[]) {
  const rows = await db.discountRedemption.groupBy({
    by: ["discountCodeId", "status"],
    where: { discountCodeId: { in: ids }, status: { in: ["held", "redeemed"] } },
    _count: { _all: true },
  });
  const count = (id: string, status: "held" | "redeemed") => rows.find((row) => row.discountCodeId === id && row.status === status)?._count._all ?? 0;
  return count;
}

function toStaffDiscount(viewer: StaffViewer, row: Awaited<ReturnType<typeof findRows>>[number], count: (id: string, status: "held" | "redeemed") => number): StaffDiscountCodeDTO {
  const money = (amountMinor: number | null): Money | null => (amountMinor === null ? null : { amountMinor, currency: row.currency });
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    percentOff: row.percentOff,
    amountOff: money(row.amountOffMinor),
    minSubtotal: money(row.minSubtotalMinor),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    totalLimit: row.totalLimit,
    perCustomerLimit: row.perCustomerLimit,
    categoryIds: row.categoryIds,
    active: row.active,
    redeemed: count(row.id, "redeemed"),
    held: count(row.id, "held"),
    actions: { edit: can(viewer.role, "discounts:manage") },
  };
}

const findRows = (where: { id?: string }) => db.discountCode.findMany({ where, select: staffSelect, orderBy: [{ active: "desc" }, { code: "asc" }], take: 500 });

/** Every discount code with its usage (discounts:read). */
export async function listDiscountCodes(viewer: StaffViewer): Promise<StaffDiscountCodeDTO[]> {
  assertPermission(viewer, "discounts:read");
  const rows = await findRows({});
  const count = await usageCounts(rows.map((row) => row.id));
  return rows.map((row) => toStaffDiscount(viewer, row, count));
}

/** One discount code with its usage (discounts:read), or null. */
export async function getDiscountCode(viewer: StaffViewer, id: string): Promise<StaffDiscountCodeDTO | null> {
  assertPermission(viewer, "discounts:read");
  const [row] = await findRows({ id });
  if (!row) return null;
  return toStaffDiscount(viewer, row, await usageCounts([row.id]));
}

/** The categories a code may be limited to, for the discount form and list (discounts:read). */
export async function listDiscountCategoryOptions(viewer: StaffViewer): Promise<{ id: string; name: string }[]> {
  assertPermission(viewer, "discounts:read");
  return db.category.findMany({ select: { id: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] });
}
