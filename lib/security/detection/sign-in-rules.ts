import type { Finding } from "./findings";
import { networkOf } from "./network";
import type { DetectionThresholds } from "./thresholds";

/** A failed sign-in: the account when it exists (unknown e-mail addresses are not stored), and where it came from. */
export type FailedSignIn = { userId: string | null; ip: string | null; at: Date };

function byNetwork(failures: readonly FailedSignIn[]): Map<string, FailedSignIn[]> {
  const groups = new Map<string, FailedSignIn[]>();
  for (const failure of failures) {
    const network = networkOf(failure.ip);
    if (!network) continue;
    groups.set(network, [...(groups.get(network) ?? []), failure]);
  }
  return groups;
}

/**
 * Credential stuffing: many different accounts failing from one network in a
 * short window. Each failure on an unknown account counts as another account
 * (the shop does not keep the addresses people typed, and a leaked list is
 * mostly unknown addresses).
 */
export function detectCredentialStuffing(failures: readonly FailedSignIn[], t: DetectionThresholds, now: Date): Finding[] {
  const since = now.getTime() - t.signInWindowMinutes * 60_000;
  const findings: Finding[] = [];
  for (const [network, group] of byNetwork(failures.filter((failure) => failure.at.getTime() > since))) {
    const known = new Set(group.flatMap((failure) => (failure.userId ? [failure.userId] : [])));
    const accounts = known.size + group.filter((failure) => !failure.userId).length;
    if (accounts >= t.stuffingAccounts) {
      findings.push({
        rule: "credential_stuffing",
        severity: "high",
        subject: `net:${network}`,
        count: accounts,
        summary: `${accounts} accounts failed to sign in from one network within ${t.signInWindowMinutes} minutes`,
      });
    }
  }
  return findings;
}

/**
 * Password spraying: one network trying a few passwords against many existing
 * accounts, one or two failures each, slowly enough to stay under per-account lockout.
 */
export function detectPasswordSpraying(failures: readonly FailedSignIn[], t: DetectionThresholds, now: Date): Finding[] {
  const since = now.getTime() - t.sprayWindowMinutes * 60_000;
  const findings: Finding[] = [];
  for (const [network, group] of byNetwork(failures.filter((failure) => failure.at.getTime() > since))) {
    const perAccount = new Map<string, number>();
    for (const failure of group) if (failure.userId) perAccount.set(failure.userId, (perAccount.get(failure.userId) ?? 0) + 1);
    const sprayed = [...perAccount.values()].filter((count) => count <= 2).length;
    if (sprayed >= t.sprayAccounts) {
      findings.push({
        rule: "password_spraying",
        severity: "medium",
        subject: `net:${network}`,
        count: sprayed,
        summary: `${sprayed} existing accounts had one or two failed sign-ins each from one network within ${t.sprayWindowMinutes} minutes`,
      });
    }
  }
  return findings;
}

/**
 * A right password followed by wrong second-factor codes: someone holds the
 * password. A failed code is only ever asked for after the password was accepted.
 */
export function detectTwoFactorGuessing(failures: readonly { userId: string; at: Date }[], t: DetectionThresholds, now: Date): Finding[] {
  const since = now.getTime() - t.twoFactorWindowMinutes * 60_000;
  const perAccount = new Map<string, number>();
  for (const failure of failures) if (failure.at.getTime() > since) perAccount.set(failure.userId, (perAccount.get(failure.userId) ?? 0) + 1);
  return [...perAccount]
    .filter(([, count]) => count >= t.twoFactorFailures)
    .map(([userId, count]) => ({
      rule: "two_factor_guessing" as const,
      severity: "high" as const,
      subject: `user:${userId}`,
      count,
      summary: `the right password, then ${count} wrong second-factor codes for one account within ${t.twoFactorWindowMinutes} minutes`,
    }));
}
