import { describe, expect, it } from "vitest";
import { decideOnRisk, RISK_RULES, type RiskFacts, scoreOrderRisk } from "./score";

const now = new Date("2026-12-07T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

/** An ordinary order: an established account, one order today, card from the shipping country, normal risk. */
const ordinary: RiskFacts = {
  totalMinor: 4_500,
  account: { lastHour: 0, lastDay: 1 },
  email: { lastHour: 0, lastDay: 0 },
  clientAddress: { lastHour: 1, lastDay: 2 },
  accountCreatedAt: hoursAgo(24 * 90),
  shipCountry: "US",
  billingCountry: "us",
  processorRiskLevel: "normal",
  cardTestingAlerts: 0,
};

const codes = (facts: Partial<RiskFacts>) => scoreOrderRisk({ ...ordinary, ...facts }, now).reasons.map((reason) => reason.code);

describe("scoreOrderRisk", () => {
  it("gives an ordinary order no reasons and a score of zero, which is approved", () => {
    const result = scoreOrderRisk(ordinary, now);
    expect(result).toEqual({ score: 0, reasons: [] });
    expect(decideOnRisk(result.score, { holdScore: 50, cancelScore: 90 })).toBe("approved");
  });

  it("counts bursts of orders per account, per email and per client address, hour and day apart", () => {
    expect(codes({ account: { lastHour: 2, lastDay: 2 } })).toEqual(["velocity_account_hour"]);
    expect(codes({ account: { lastHour: 0, lastDay: 5 } })).toEqual(["velocity_account_day"]);
    expect(codes({ email: { lastHour: 3, lastDay: 6 } })).toEqual(["velocity_email_hour", "velocity_email_day"]);
    expect(codes({ clientAddress: { lastHour: 2, lastDay: 4 } })).toEqual(["velocity_address_hour"]);
    expect(codes({ account: { lastHour: 1, lastDay: 4 }, clientAddress: null, email: null })).toEqual([]);
    const burst = scoreOrderRisk({ ...ordinary, account: { lastHour: 4, lastDay: 7 } }, now);
    expect(burst.score).toBe(RISK_RULES.hourPoints + RISK_RULES.dayPoints);
    expect(burst.reasons[0]?.message).toBe("4 other orders from this account in the last hour.");
  });

  it("flags a high-value order from an account created within a day, not a guest's or an old account's", () => {
    const big = RISK_RULES.highValueMinor;
    expect(codes({ accountCreatedAt: hoursAgo(2), totalMinor: big })).toEqual(["new_account_high_value"]);
    expect(codes({ accountCreatedAt: hoursAgo(2), totalMinor: big - 1 })).toEqual([]);
    expect(codes({ accountCreatedAt: hoursAgo(25), totalMinor: big })).toEqual([]);
    expect(codes({ accountCreatedAt: null, totalMinor: big })).toEqual([]);
    expect(scoreOrderRisk({ ...ordinary, accountCreatedAt: hoursAgo(1), totalMinor: big }, now).score).toBe(RISK_RULES.newAccountPoints);
  });

  it("flags a billing country other than the shipping country only when the processor gave one", () => {
    expect(codes({ billingCountry: "DE" })).toEqual(["billing_country_mismatch"]);
    expect(codes({ billingCountry: null })).toEqual([]);
    const reason = scoreOrderRisk({ ...ordinary, billingCountry: "DE" }, now).reasons[0];
    // The sentence names no country: reasons are stored and shown as internal data.
    expect(reason).toEqual({ code: "billing_country_mismatch", points: RISK_RULES.countryMismatchPoints, message: "The card's billing country differs from the shipping country." });
  });

  it("adds the processor's elevated or highest risk level, nothing for normal or unknown", () => {
    expect(scoreOrderRisk({ ...ordinary, processorRiskLevel: "elevated" }, now).score).toBe(RISK_RULES.elevatedPoints);
    expect(scoreOrderRisk({ ...ordinary, processorRiskLevel: "highest" }, now).score).toBe(RISK_RULES.highestPoints);
    expect(codes({ processorRiskLevel: "not_assessed" })).toEqual([]);
    expect(codes({ processorRiskLevel: null })).toEqual([]);
  });

  it("adds an open card-testing alert on the account or client address", () => {
    expect(scoreOrderRisk({ ...ordinary, cardTestingAlerts: 2 }, now)).toEqual({
      score: RISK_RULES.cardTestingPoints,
      reasons: [{ code: "card_testing", points: RISK_RULES.cardTestingPoints, message: "An open card-testing alert names this account or client address." }],
    });
  });

  it("sums the reasons: the processor's highest alone holds, with card testing it cancels", () => {
    const thresholds = { holdScore: 50, cancelScore: 90 };
    const highest = scoreOrderRisk({ ...ordinary, processorRiskLevel: "highest" }, now);
    expect(decideOnRisk(highest.score, thresholds)).toBe("held");
    const both = scoreOrderRisk({ ...ordinary, processorRiskLevel: "highest", cardTestingAlerts: 1 }, now);
    expect(both.score).toBe(RISK_RULES.highestPoints + RISK_RULES.cardTestingPoints);
    expect(decideOnRisk(both.score, thresholds)).toBe("cancelled");
  });
});

describe("decideOnRisk", () => {
  it("approves below the hold score, holds from it, cancels from the cancel score", () => {
    const thresholds = { holdScore: 50, cancelScore: 90 };
    expect(decideOnRisk(49, thresholds)).toBe("approved");
    expect(decideOnRisk(50, thresholds)).toBe("held");
    expect(decideOnRisk(89, thresholds)).toBe("held");
    expect(decideOnRisk(90, thresholds)).toBe("cancelled");
  });
});
