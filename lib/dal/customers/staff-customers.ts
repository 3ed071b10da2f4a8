import "server-only";
import { auditCustomerSearch, customerSearchWhere, parseCustomerSearch } from "./search";
import { addressRowSelect } from "@/lib/dal/accounts/addresses";
import { db } from "@/lib/db";
import {
  type StaffCustomerDTO,
  type StaffCustomerSummaryDTO,
  toStaffCustomerAddress,
  toStaffCustomerSummary,
} from "./dto";
import { liveRevealsFor } from "./pii-reveals";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";

export const CUSTOMERS_PER_PAGE = 50;
const RECENT_ORDERS = 10;

const customerSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  createdAt: true,
  _count: { select: { orders: true } },
} as const;

export type StaffCustomerPage = { customers: StaffCustomerSummaryDTO[]; page: number; pages: number; total: number };

/**
 * A page of customers, newest first, masked unless the viewer holds a live
 * reveal grant for one. A query finds a customer by full email address or
 * order number, and by name only among customers the viewer has revealed
 * (see customerSearchWhere); every search is audited without its text.
 */
export async function listCustomersForStaff(
  viewer: StaffViewer,
  search: { query: string; page: number },
  context: AuditContext,
  now = new Date(),
): Promise<StaffCustomerPage> {
  assertPermission(viewer, "customers:read");
  const parsed = parseCustomerSearch(search.query);
  const where = await customerSearchWhere(viewer, parsed, now);
  const page = Math.max(1, Math.floor(search.page));
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: customerSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * CUSTOMERS_PER_PAGE,
      take: CUSTOMERS_PER_PAGE,
    }),
  ]);
  await auditCustomerSearch(viewer, parsed, { total, page, onlyMatchId: total === 1 ? (rows[0]?.id ?? null) : null }, context);
  const reveals = await liveRevealsFor(
    viewer,
    rows.map((row) => row.id),
    now,
  );
  return {
    customers: rows.map((row) => toStaffCustomerSummary(row, reveals.get(row.id) ?? null)),
    page,
    pages: Math.max(1, Math.ceil(total / CUSTOMERS_PER_PAGE)),
    total,
  };
}

/**
 * One customer with their addresses and recent orders, masked unless the
 * viewer holds a live reveal grant; null for an unknown id or an account that
 * is not a customer's (staff accounts are not browsable here).
 */
export async function getCustomerForStaff(viewer: StaffViewer, customerId: string, now = new Date()): Promise<StaffCustomerDTO | null> {
  assertPermission(viewer, "customers:read");
  if (customerId.length === 0 || customerId.length > 40) return null;
  const row = await db.user.findFirst({
    where: { id: customerId, kind: "customer" },
    select: {
      ...customerSelect,
      emailVerifiedAt: true,
      passwordResetRequiredAt: true,
      addresses: { select: addressRowSelect, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] },
      orders: {
        select: { id: true, number: true, paymentStatus: true, fulfillmentStatus: true, totalMinor: true, currency: true, createdAt: true },
        orderBy: { createdAt: "desc" },
        take: RECENT_ORDERS,
      },
    },
  });
  if (!row) return null;
  const revealedUntil = (await liveRevealsFor(viewer, [row.id], now)).get(row.id) ?? null;
  return {
    ...toStaffCustomerSummary(row, revealedUntil),
    emailVerified: row.emailVerifiedAt !== null,
    reportedCompromisedAt: row.passwordResetRequiredAt,
    addresses: row.addresses.map((address) => toStaffCustomerAddress(address, revealedUntil !== null)),
    recentOrders: row.orders.map((order) => ({
      id: order.id,
      number: order.number,
      paymentStatus: order.paymentStatus,
      fulfillmentStatus: order.fulfillmentStatus,
      total: { amountMinor: order.totalMinor, currency: order.currency },
      placedAt: order.createdAt,
    })),
  };
}
