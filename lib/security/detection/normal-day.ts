import type { FailedPayment, StaffActionRate } from "./activity-rules";
import type { FailedSignIn } from "./sign-in-rules";
import type { DetectionThresholds } from "./thresholds";

/** The defaults of lib/env.ts, for the rules' tests. */
export const DEFAULT_THRESHOLDS: DetectionThresholds = {
  stuffingAccounts: 20,
  signInWindowMinutes: 10,
  sprayAccounts: 10,
  sprayWindowMinutes: 60,
  twoFactorFailures: 5,
  twoFactorWindowMinutes: 15,
  signUpsPerAddress: 5,
  cardFailuresPerAccount: 5,
  cardFailuresPerAddress: 10,
  cardFailuresPerHour: 30,
  staffRateMultiplier: 5,
  staffRateFloor: 10,
};

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/**
 * An ordinary busy hour: people mistyping passwords (a few failures each, spread
 * over accounts, addresses and an office NAT), a mobile carrier's shared network,
 * a family signing up from one home, a few declined cards, a support agent's usual refunds.
 */
export function normalDay(now: Date) {
  const failedSignIns: FailedSignIn[] = [];
  for (let i = 0; i < 40; i++) failedSignIns.push({ userId: `user-${i % 25}`, ip: `198.51.${i % 30}.${10 + i}`, at: minutesAgo(now, i + 1) });
  // An office behind one NAT: six colleagues, a typo or two each, over the hour.
  for (let i = 0; i < 9; i++) failedSignIns.push({ userId: `office-${i % 6}`, ip: "192.0.2.10", at: minutesAgo(now, i * 6 + 1) });
  // A mobile carrier's network: a few people, an unknown address typed once.
  for (let i = 0; i < 5; i++) failedSignIns.push({ userId: i === 4 ? null : `mobile-${i}`, ip: `2001:db8:77:${i}::1`, at: minutesAgo(now, i * 11 + 2) });
  const twoFactorFailures = [
    { userId: "user-1", at: minutesAgo(now, 3) },
    { userId: "user-1", at: minutesAgo(now, 2) },
    { userId: "user-2", at: minutesAgo(now, 30) },
  ];
  const signUps = [
    ...[1, 2, 3].map((i) => ({ ip: "203.0.113.5", at: minutesAgo(now, i * 10) })),
    ...Array.from({ length: 20 }, (_, i) => ({ ip: `198.51.100.${i}`, at: minutesAgo(now, i * 3) })),
  ];
  const failedPayments: FailedPayment[] = Array.from({ length: 12 }, (_, i) => ({
    userId: i < 10 ? `buyer-${i % 5}` : null,
    clientAddressIndex: `index-${i % 6}`,
    at: minutesAgo(now, i * 4 + 1),
  }));
  const staffRates: StaffActionRate[] = [
    { staffId: "support-1", action: "refund", lastHour: 4, trailing14Days: 300 },
    { staffId: "support-2", action: "pii_reveal", lastHour: 3, trailing14Days: 20 },
    { staffId: "packer-1", action: "address_view", lastHour: 40, trailing14Days: 3000 },
  ];
  return { failedSignIns, twoFactorFailures, signUps, failedPayments, staffRates };
}
