import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll } from "vitest";
import { createBotChallenge } from "@/lib/auth/bot-challenge/challenge";
import { db } from "@/lib/db";

/** A small search space, so tests solve quickly; the server checks the work the same way. */
const TEST_MAX_NUMBER = 300;

/** What the widget posts: base64 of JSON { challenge, solution }, solved here with altcha-lib's own solver. */
export async function solvedBotPayload(options: { now?: Date } = {}): Promise<string> {
  const challenge = await createBotChallenge({ now: options.now, maxNumber: TEST_MAX_NUMBER });
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("the test challenge was not solved");
  return encodePayload({ challenge, solution });
}

export function encodePayload(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

export function decodePayload(payload: string): { challenge: { parameters: Record<string, unknown>; signature: string }; solution: { counter: number; derivedKey: string } } {
  return JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
}

/**
 * Opens detection alerts for a test file and removes them (and the security
 * events they led to, by address) afterwards. Call once at the top level.
 */
export function botAlertFixtures() {
  const alertIds: string[] = [];
  const ips: string[] = [];
  afterAll(async () => {
    await db.securityAlert.deleteMany({ where: { id: { in: alertIds } } });
    await db.securityEvent.deleteMany({ where: { ip: { in: ips } } });
  });
  return {
    /** Remember an address whose security events should be removed afterwards. */
    trackIp(ip: string) {
      ips.push(ip);
      return ip;
    },
    /** An open alert as a detection rule writes it ("ip:…", "net:…", "user:…"). */
    async openAlert(subject: string, kind = "card_testing"): Promise<string> {
      const alert = await db.securityAlert.create({
        data: { kind, severity: "high", subject, message: "test alert", peakCount: 1, lastSeenAt: new Date() },
        select: { id: true },
      });
      alertIds.push(alert.id);
      return alert.id;
    },
    refusals(ip: string) {
      return db.securityEvent.findMany({ where: { ip, type: "bot_challenge_refused" }, select: { userId: true, details: true }, orderBy: { createdAt: "asc" } });
    },
  };
}

/** Removes accounts a test made through a form (sign-up), which its test users do not track by id. */
export async function deleteAccountsByEmail(emails: string[]): Promise<void> {
  await db.user.deleteMany({ where: { email: { in: emails } } });
}
