import "server-only";
import { SHIPPABLE_PAYMENT_STATUSES } from "@/lib/orders/payment-status";
import { can } from "@/lib/auth/permissions";
import { rateLimitStoreStatus } from "@/lib/auth/rate-limit/store-status";
import type { Money } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import type { StaffViewer } from "./members";
import { assertPermission } from "./permission";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";

const PAID_STATUSES = ["paid", "partially_refunded", "refunded"] as const;
export const LOW_STOCK_THRESHOLD = 5;
const DAYS = 14;
/** Orders the fraud review lets through (as lib/dal/orders/fraud/fulfillable.ts; repeated here: staff must not import orders). */
const RELEASED_BY_FRAUD_REVIEW = { OR: [{ fraudReview: null }, { fraudReview: { in: ["approved" as const, "released" as const] } }] };

export type DailyFigure = { day: string; orders: number; revenue: Money };

export type StaffDashboardDTO = {
  today: { orders: number; revenue: Money };
  awaitingFulfilment: number;
  held: number;
  /** Variants on sale with little stock left: the product's name and the variant's SKU. */
  lowStock: { name: string; sku: string; stock: number }[];
  daily: DailyFigure[];
  /** Shown to roles with security:read only; never an IP or an email. */
  securityEvents: { type: string; at: Date }[] | null;
  alerts: { id: string; kind: string; message: string; at: Date }[] | null;
  /** Since when this instance's rate limits run on the PostgreSQL fallback (Redis unreachable); null otherwise or without security:read. */
  rateLimitsOnFallbackSince: Date | null;
};

function fallbackSince(): Date | null {
  const status = rateLimitStoreStatus();
  return status.onFallback ? status.since : null;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The dashboard's figures. Revenue counts money captured on orders placed that day, net of refunds. */
export async function getDashboard(viewer: StaffViewer, now = new Date()): Promise<StaffDashboardDTO> {
  assertPermission(viewer, "dashboard:read");
  const today = startOfUtcDay(now);
  const since = new Date(today.getTime() - (DAYS - 1) * 86_400_000);
  const showSecurity = can(viewer.role, "security:read");
  const [daily, awaitingFulfilment, held, lowStock, events, alerts] = await Promise.all([
    db.$queryRaw<{ day: Date; orders: bigint; revenue: bigint | null; currency: string | null }[]>`
      SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day, count(*) AS orders,
             sum("capturedMinor" - "refundedMinor") AS revenue, min(currency) AS currency
        FROM "Order"
       WHERE "createdAt" >= ${since} AND "paymentStatus"::text = ANY(${PAID_STATUSES as unknown as string[]})
       GROUP BY 1 ORDER BY 1`,
    db.order.count({ where: { paymentStatus: { in: [...SHIPPABLE_PAYMENT_STATUSES] }, fulfillmentStatus: { in: ["unfulfilled", "packed"] }, ...RELEASED_BY_FRAUD_REVIEW } }),
    // Held money (a mismatched payment) and orders held by the fraud review both wait for staff.
    db.order.count({ where: { OR: [{ paymentStatus: "on_hold" }, { fraudReview: "held" }] } }),
    db.productVariant.findMany({
      where: { archivedAt: null, product: { published: true }, stock: { lte: LOW_STOCK_THRESHOLD } },
      select: { sku: true, stock: true, product: { select: { name: true } } },
      orderBy: [{ stock: "asc" }, { sku: "asc" }],
      take: 20,
    }),
    showSecurity ? db.securityEvent.findMany({ select: { type: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 10 }) : null,
    showSecurity
      ? db.securityAlert.findMany({ where: { acknowledgedAt: null }, select: { id: true, kind: true, message: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 10 })
      : null,
  ]);
  const currency = daily.find((row) => row.currency)?.currency ?? SHOP_CURRENCY;
  const byDay = new Map(daily.map((row) => [row.day.toISOString().slice(0, 10), row]));
  const series: DailyFigure[] = Array.from({ length: DAYS }, (_, i) => {
    const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const row = byDay.get(day);
    return { day, orders: Number(row?.orders ?? 0), revenue: { amountMinor: Number(row?.revenue ?? 0), currency } };
  });
  const last = series[series.length - 1];
  return {
    today: { orders: last?.orders ?? 0, revenue: last?.revenue ?? { amountMinor: 0, currency } },
    awaitingFulfilment,
    held,
    lowStock: lowStock.map((variant) => ({ name: variant.product.name, sku: variant.sku, stock: variant.stock })),
    daily: series,
    securityEvents: events?.map((event) => ({ type: event.type, at: event.createdAt })) ?? null,
    alerts: alerts?.map((alert) => ({ id: alert.id, kind: alert.kind, message: alert.message, at: alert.createdAt })) ?? null,
    rateLimitsOnFallbackSince: showSecurity ? fallbackSince() : null,
  };
}
