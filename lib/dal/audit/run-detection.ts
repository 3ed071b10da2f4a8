import "server-only";
import { env } from "@/lib/env";
import { detectCardTesting, detectMassSignUp, detectNewCountrySignIn, detectStaffRateSpike } from "@/lib/security/detection/activity-rules";
import type { Finding } from "@/lib/security/detection/findings";
import { detectCredentialStuffing, detectPasswordSpraying, detectTwoFactorGuessing } from "@/lib/security/detection/sign-in-rules";
import type { DetectionThresholds } from "@/lib/security/detection/thresholds";
import { recordFinding } from "./detection-alerts";
import { countrySignIns, failedPaymentsSince, failedSignInsSince, signUpsSince, staffActionRates, twoFactorFailuresSince } from "./detection-inputs";

/** The thresholds from the environment (README, "Detection rules"). */
export function detectionThresholds(): DetectionThresholds {
  return {
    stuffingAccounts: env.DETECT_STUFFING_ACCOUNTS,
    signInWindowMinutes: env.DETECT_SIGN_IN_WINDOW_MINUTES,
    sprayAccounts: env.DETECT_SPRAY_ACCOUNTS,
    sprayWindowMinutes: env.DETECT_SPRAY_WINDOW_MINUTES,
    twoFactorFailures: env.DETECT_TWO_FACTOR_FAILURES,
    twoFactorWindowMinutes: env.DETECT_TWO_FACTOR_WINDOW_MINUTES,
    signUpsPerAddress: env.DETECT_SIGN_UPS_PER_ADDRESS_HOUR,
    cardFailuresPerAccount: env.DETECT_CARD_FAILURES_PER_ACCOUNT_HOUR,
    cardFailuresPerAddress: env.DETECT_CARD_FAILURES_PER_ADDRESS_HOUR,
    cardFailuresPerHour: env.DETECT_CARD_FAILURES_PER_HOUR,
    staffRateMultiplier: env.DETECT_STAFF_RATE_MULTIPLIER,
    staffRateFloor: env.DETECT_STAFF_RATE_FLOOR,
  };
}

/** How far back the new-country rule looks each run: a few schedule periods, so a late run misses nothing. */
const COUNTRY_LOOKBACK_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * Runs every rule over its recent window and records what they find (new alerts
 * are mailed; repeats update the open alert). Returns the findings and how many
 * alerts were opened.
 */
export async function runDetection(now = new Date(), thresholds = detectionThresholds()): Promise<{ findings: Finding[]; opened: number }> {
  const t = thresholds;
  const signInSince = new Date(now.getTime() - Math.max(t.signInWindowMinutes, t.sprayWindowMinutes) * 60_000);
  const [failedSignIns, twoFactor, signUps, countries, payments, rates] = await Promise.all([
    failedSignInsSince(signInSince),
    twoFactorFailuresSince(new Date(now.getTime() - t.twoFactorWindowMinutes * 60_000)),
    signUpsSince(new Date(now.getTime() - HOUR_MS)),
    countrySignIns(new Date(now.getTime() - COUNTRY_LOOKBACK_MS), now),
    failedPaymentsSince(new Date(now.getTime() - HOUR_MS)),
    staffActionRates(now),
  ]);
  const findings = [
    ...detectCredentialStuffing(failedSignIns, t, now),
    ...detectPasswordSpraying(failedSignIns, t, now),
    ...detectTwoFactorGuessing(twoFactor, t, now),
    ...detectMassSignUp(signUps, t, now),
    ...detectNewCountrySignIn(countries.signIns, countries.earlierCountries),
    ...detectCardTesting(payments, t, now),
    ...detectStaffRateSpike(rates, t),
  ];
  let opened = 0;
  for (const finding of findings) if (await recordFinding(finding, now)) opened += 1;
  return { findings, opened };
}
