import { generateSync } from "otplib";
import { accountKey, ipKey } from "@/lib/auth/rate-limit/keys";
import { closeLimiterStore, defaultLimiterStore } from "@/lib/auth/rate-limit/store";
import { randomIp } from "@/lib/auth/rate-limit/test-support";
import { db } from "@/lib/db";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { testUsers } from "@/lib/dal/test-users";
import { confirmTwoFactorEnrollment, getTwoFactorStatus, startTwoFactorEnrollment } from "@/lib/dal/two-factor/settings";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * Test users for sign-in, two-factor and step-up suites: each request context
 * gets its own random address, and afterwards every counter the throttles
 * keyed on those users and addresses (hashed email, hashed address) and every
 * security event from them is removed.
 */
export function throttledTestUsers(options: { name: string; userAgent: string }) {
  const ips: string[] = [];
  const users = testUsers({
    defaults: { name: options.name },
    mailJobs: true,
    cleanUp: async () => {
      await db.securityEvent.deleteMany({ where: { ip: { in: ips } } });
      const keys = [...users.emails.map(accountKey), ...ips.map((ip) => ipKey(ip) ?? "")].filter((key) => key !== "");
      for (const key of keys) await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${`%${key}%`}`;
      await closeLimiterStore(defaultLimiterStore());
    },
  });
  const newContext = () => {
    const ip = randomIp();
    ips.push(ip);
    return { ip, userAgent: options.userAgent };
  };
  return { users, newContext, ips };
}

const STEP_MS = 30_000;

/** The current absolute TOTP time step. */
export const currentStep = () => Math.floor(Date.now() / STEP_MS);

/** What an authenticator app shows during absolute time step `step` (otplib, independent of the shop's code). */
export const codeAt = (secret: string, step: number) => generateSync({ secret, epoch: step * 30 });

/** Waits out the last seconds of a time step, so "now" cannot move on in the middle of a check. */
export async function freshStep(): Promise<void> {
  const left = STEP_MS - (Date.now() % STEP_MS);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/**
 * Turns two-factor on through the real enrolment flow. The confirming code is
 * the previous step's, so the current step is still unused for the test.
 */
export async function enrolThroughRealFlow(
  viewer: ActiveSession,
  context: RequestContext,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  await startTwoFactorEnrollment(viewer);
  const secret = (await getTwoFactorStatus(viewer)).enrollment?.secret;
  if (!secret) throw new Error("no enrolment secret");
  await freshStep();
  const confirmed = await confirmTwoFactorEnrollment(viewer, { code: codeAt(secret, currentStep() - 1), context });
  if (!confirmed.ok) throw new Error("enrolment failed");
  return { secret, recoveryCodes: confirmed.recoveryCodes };
}
