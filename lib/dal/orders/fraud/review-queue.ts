import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Money } from "@/lib/catalog/money";
import { db } from "@/lib/db";
import type { FraudReviewState } from "@/lib/orders/next-steps";
import { readStoredReasons, type RiskReason } from "@/lib/orders/fraud/score";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import { staffCustomerLabel, staffCustomerSelect } from "../guest-contact";

/** A held order as the review queue lists it (the customer masked, as everywhere in the admin). */
export type StaffHeldOrderDTO = {
  id: string;
  number: string;
  customer: string;
  total: Money;
  score: number;
  reasons: RiskReason[];
  placedAt: Date;
  paidAt: Date | null;
  /** Whole hours since the order was placed (how long the buyer has waited). */
  ageHours: number;
};

export const REVIEW_QUEUE_LIMIT = 100;

/** The orders waiting for a fraud review, oldest first (the buyer who has waited longest comes first). */
export async function listHeldOrdersForReview(viewer: StaffViewer, now = new Date()): Promise<StaffHeldOrderDTO[]> {
  assertPermission(viewer, "orders:review");
  const rows = await db.order.findMany({
    where: { fraudReview: "held" },
    orderBy: { createdAt: "asc" },
    take: REVIEW_QUEUE_LIMIT,
    select: { id: true, number: true, currency: true, totalMinor: true, riskScore: true, riskReasons: true, createdAt: true, paidAt: true, ...staffCustomerSelect },
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    customer: staffCustomerLabel(row),
    total: { amountMinor: row.totalMinor, currency: row.currency },
    score: row.riskScore ?? 0,
    reasons: readStoredReasons(row.riskReasons),
    placedAt: row.createdAt,
    paidAt: row.paidAt,
    ageHours: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 3_600_000)),
  }));
}

/** An order's fraud assessment as the order page shows it, and whether this viewer may review it now. */
export type StaffRiskAssessmentDTO = {
  score: number;
  reasons: RiskReason[];
  state: FraudReviewState;
  assessedAt: Date;
  canReview: boolean;
};

/** The assessment of one order, or null when it has not been scored (unpaid, or no charge reported yet). */
export async function getRiskAssessmentForStaff(viewer: StaffViewer, orderId: string): Promise<StaffRiskAssessmentDTO | null> {
  assertPermission(viewer, "orders:read");
  const row = await db.order.findUnique({
    where: { id: orderId },
    select: { riskScore: true, riskReasons: true, riskAssessedAt: true, fraudReview: true },
  });
  if (!row?.riskAssessedAt || row.fraudReview === null) return null;
  return {
    score: row.riskScore ?? 0,
    reasons: readStoredReasons(row.riskReasons),
    state: row.fraudReview,
    assessedAt: row.riskAssessedAt,
    canReview: row.fraudReview === "held" && can(viewer.role, "orders:review"),
  };
}
