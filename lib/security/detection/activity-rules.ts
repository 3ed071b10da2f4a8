import type { Finding } from "./findings";
import type { DetectionThresholds } from "./thresholds";

const HOUR_MS = 3_600_000;

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Many new accounts from one address within the last hour (fake-account farming, referral abuse). */
export function detectMassSignUp(signUps: readonly { ip: string | null; at: Date }[], t: DetectionThresholds, now: Date): Finding[] {
  const recent = signUps.filter((signUp) => signUp.at.getTime() > now.getTime() - HOUR_MS);
  return [...countBy(recent, (signUp) => signUp.ip)]
    .filter(([, count]) => count >= t.signUpsPerAddress)
    .map(([ip, count]) => ({
      rule: "mass_sign_up" as const,
      severity: "medium" as const,
      subject: `ip:${ip}`,
      count,
      summary: `${count} new accounts from one address within an hour`,
    }));
}

/**
 * A sign-in from a country the account never signed in from before. Accounts
 * with no earlier country on record are skipped: their first one is not "new".
 */
export function detectNewCountrySignIn(
  signIns: readonly { userId: string; country: string; at: Date }[],
  earlierCountries: ReadonlyMap<string, ReadonlySet<string>>,
): Finding[] {
  const findings = new Map<string, Finding>();
  for (const signIn of signIns) {
    const known = earlierCountries.get(signIn.userId);
    if (!known || known.size === 0 || known.has(signIn.country)) continue;
    findings.set(`${signIn.userId}:${signIn.country}`, {
      rule: "new_country_sign_in",
      severity: "low",
      subject: `user:${signIn.userId}`,
      count: 1,
      summary: `a sign-in from a country new for the account (${signIn.country}; before: ${[...known].sort().join(", ")})`,
    });
  }
  return [...findings.values()];
}

/** An order whose payment failed or was abandoned after a checkout was opened, in the last hour. */
export type FailedPayment = { userId: string | null; clientAddressIndex: string | null; at: Date };

/** Card testing: many declined or abandoned payments per account, per client address, and in the whole shop per hour. */
export function detectCardTesting(payments: readonly FailedPayment[], t: DetectionThresholds, now: Date): Finding[] {
  const recent = payments.filter((payment) => payment.at.getTime() > now.getTime() - HOUR_MS);
  const findings: Finding[] = [];
  for (const [userId, count] of countBy(recent, (payment) => payment.userId)) {
    if (count >= t.cardFailuresPerAccount) findings.push({ rule: "card_testing", severity: "high", subject: `user:${userId}`, count, summary: `${count} failed or abandoned payments by one account within an hour` });
  }
  for (const [index, count] of countBy(recent, (payment) => payment.clientAddressIndex)) {
    // The blind index, never the address: orders keep only a keyed digest of it.
    if (count >= t.cardFailuresPerAddress) findings.push({ rule: "card_testing", severity: "high", subject: `addr:${index.slice(0, 16)}`, count, summary: `${count} failed or abandoned payments from one client address within an hour` });
  }
  if (recent.length >= t.cardFailuresPerHour) {
    findings.push({ rule: "card_testing", severity: "medium", subject: "shop", count: recent.length, summary: `${recent.length} failed or abandoned payments in the shop within an hour` });
  }
  return findings;
}

/** One staff member's count of a sensitive action: in the last hour, and over the 14 days before it. */
export type StaffActionRate = { staffId: string; action: "refund" | "pii_reveal" | "address_view"; lastHour: number; trailing14Days: number };

/** Refunds, reveals or address views well above the staff member's own usual hourly rate, and above a floor. */
export function detectStaffRateSpike(rates: readonly StaffActionRate[], t: DetectionThresholds): Finding[] {
  return rates.flatMap((rate) => {
    const hourlyAverage = rate.trailing14Days / (14 * 24);
    if (rate.lastHour <= t.staffRateFloor || rate.lastHour <= t.staffRateMultiplier * hourlyAverage) return [];
    return [
      {
        rule: "staff_rate_spike" as const,
        severity: rate.action === "refund" ? ("high" as const) : ("medium" as const),
        subject: `staff:${rate.staffId}:${rate.action}`,
        count: rate.lastHour,
        summary: `${rate.lastHour} ${rate.action.replace("_", " ")}s by one staff member in the last hour (usual: ${hourlyAverage.toFixed(2)} an hour)`,
      },
    ];
  });
}
