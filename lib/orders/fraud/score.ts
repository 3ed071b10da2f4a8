/**
 * The fraud score of a paid order: pure arithmetic over facts the DAL loads
 * (lib/dal/orders/fraud/facts.ts). Each signal that fires adds a reason with
 * its points and a sentence staff read in the review queue; the score is the
 * sum. Reasons carry no personal data (no address, email or country), so they
 * can be stored and shown as internal data.
 */

/** What is known about an order and its buyer when its payment succeeds. */
export type RiskFacts = {
  totalMinor: number;
  /** Other orders (not this one) placed by the same account, guest email or client address in the last hour and day. */
  account: Velocity | null;
  email: Velocity | null;
  clientAddress: Velocity | null;
  /** When the buying account was created; null for a guest. */
  accountCreatedAt: Date | null;
  shipCountry: string;
  /** The card's or billing address's country, when the processor reports it. */
  billingCountry: string | null;
  /** The processor's own assessment (Stripe: normal, elevated, highest, not_assessed, unknown). */
  processorRiskLevel: string | null;
  /** Open card-testing alerts on the buying account or its client address. */
  cardTestingAlerts: number;
};

export type Velocity = { lastHour: number; lastDay: number };

export const RISK_REASON_CODES = [
  "velocity_account_hour",
  "velocity_account_day",
  "velocity_email_hour",
  "velocity_email_day",
  "velocity_address_hour",
  "velocity_address_day",
  "new_account_high_value",
  "billing_country_mismatch",
  "processor_risk_elevated",
  "processor_risk_highest",
  "card_testing",
] as const;

export type RiskReasonCode = (typeof RISK_REASON_CODES)[number];

export type RiskReason = { code: RiskReasonCode; points: number; message: string };

export type RiskAssessment = { score: number; reasons: RiskReason[] };

/**
 * The rules' limits and weights. Points are chosen so that no single soft
 * signal reaches the default hold score (50) alone, the processor's "highest"
 * does, and two strong signals together reach the default cancel score (90).
 */
export const RISK_RULES = {
  /** Other orders in the last hour / day that count as a burst. */
  hourlyOrders: 2,
  dailyOrders: 5,
  hourPoints: 20,
  dayPoints: 10,
  /** An account younger than this buying for at least highValueMinor. */
  newAccountHours: 24,
  highValueMinor: 50_000,
  newAccountPoints: 25,
  countryMismatchPoints: 20,
  elevatedPoints: 30,
  highestPoints: 60,
  cardTestingPoints: 45,
} as const;

const velocityLabels = { account: "this account", email: "this email address", address: "this client address" } as const;

function velocityReasons(kind: keyof typeof velocityLabels, velocity: Velocity | null): RiskReason[] {
  if (!velocity) return [];
  const reasons: RiskReason[] = [];
  const who = velocityLabels[kind];
  if (velocity.lastHour >= RISK_RULES.hourlyOrders) {
    reasons.push({ code: `velocity_${kind}_hour`, points: RISK_RULES.hourPoints, message: `${velocity.lastHour} other orders from ${who} in the last hour.` });
  }
  if (velocity.lastDay >= RISK_RULES.dailyOrders) {
    reasons.push({ code: `velocity_${kind}_day`, points: RISK_RULES.dayPoints, message: `${velocity.lastDay} other orders from ${who} in the last day.` });
  }
  return reasons;
}

/** Scores an order; `now` is when the payment succeeded. */
export function scoreOrderRisk(facts: RiskFacts, now: Date): RiskAssessment {
  const reasons: RiskReason[] = [
    ...velocityReasons("account", facts.account),
    ...velocityReasons("email", facts.email),
    ...velocityReasons("address", facts.clientAddress),
  ];
  const accountAgeMs = facts.accountCreatedAt ? now.getTime() - facts.accountCreatedAt.getTime() : null;
  if (accountAgeMs !== null && accountAgeMs < RISK_RULES.newAccountHours * 3_600_000 && facts.totalMinor >= RISK_RULES.highValueMinor) {
    reasons.push({ code: "new_account_high_value", points: RISK_RULES.newAccountPoints, message: `A high-value order from an account created in the last ${RISK_RULES.newAccountHours} hours.` });
  }
  if (facts.billingCountry && facts.billingCountry.toUpperCase() !== facts.shipCountry.toUpperCase()) {
    reasons.push({ code: "billing_country_mismatch", points: RISK_RULES.countryMismatchPoints, message: "The card's billing country differs from the shipping country." });
  }
  if (facts.processorRiskLevel === "elevated") {
    reasons.push({ code: "processor_risk_elevated", points: RISK_RULES.elevatedPoints, message: "The payment processor rated the payment's risk elevated." });
  } else if (facts.processorRiskLevel === "highest") {
    reasons.push({ code: "processor_risk_highest", points: RISK_RULES.highestPoints, message: "The payment processor rated the payment's risk highest." });
  }
  if (facts.cardTestingAlerts > 0) {
    reasons.push({ code: "card_testing", points: RISK_RULES.cardTestingPoints, message: "An open card-testing alert names this account or client address." });
  }
  return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

export type RiskDecision = "approved" | "held" | "cancelled";

/** What the score means under the configured thresholds (holdScore < cancelScore, checked by lib/env.ts). */
export function decideOnRisk(score: number, thresholds: { holdScore: number; cancelScore: number }): RiskDecision {
  if (score >= thresholds.cancelScore) return "cancelled";
  if (score >= thresholds.holdScore) return "held";
  return "approved";
}

/** Reasons as stored on the order (JSON): anything unreadable is dropped rather than shown. */
export function readStoredReasons(value: unknown): RiskReason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { code, points, message } = item as Record<string, unknown>;
    const known = (RISK_REASON_CODES as readonly unknown[]).includes(code);
    return known && typeof points === "number" && typeof message === "string" ? [{ code: code as RiskReasonCode, points, message }] : [];
  });
}
