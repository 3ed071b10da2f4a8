import "server-only";
import { createHash } from "node:crypto";
import { type Challenge, createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import { env } from "@/lib/env";
import { botChallengeKey } from "./hmac-key";

/**
 * The work a browser does for one challenge: PBKDF2-SHA-256 with COST
 * iterations per attempt, and the answer is a counter below MAX_NUMBER (the
 * server knows it, the client has to search for it). About a second on a
 * phone; a bot that wants thousands of tries pays for each one.
 */
export const BOT_CHALLENGE_ALGORITHM = "PBKDF2/SHA-256";
export const BOT_CHALLENGE_COST = 1_000;
export const BOT_CHALLENGE_MIN_NUMBER = 1_000;
export const BOT_CHALLENGE_MAX_NUMBER = 5_000;

/** The widget posts its result under this form field. */
export const BOT_CHALLENGE_FIELD = "altcha";

/** Creates a signed challenge that expires after ALTCHA_CHALLENGE_MINUTES (`maxNumber` is for tests). */
export async function createBotChallenge(options: { now?: Date; maxNumber?: number } = {}): Promise<Challenge> {
  const now = options.now ?? new Date();
  const maxNumber = options.maxNumber ?? BOT_CHALLENGE_MAX_NUMBER;
  return createChallenge({
    algorithm: BOT_CHALLENGE_ALGORITHM,
    cost: BOT_CHALLENGE_COST,
    // The answer is never tiny: a client cannot get lucky by trying the first few counters.
    counter: randomInt(maxNumber, Math.min(BOT_CHALLENGE_MIN_NUMBER, Math.floor(maxNumber / 5))),
    deriveKey,
    expiresAt: new Date(now.getTime() + env.ALTCHA_CHALLENGE_MINUTES * 60_000),
    hmacSignatureSecret: botChallengeKey(),
  });
}

const hex = z.string().regex(/^(?:[0-9a-f]{2})+$/i, "hex bytes").max(256);

/** What the widget submits: base64 of JSON { challenge, solution }. Anything else is refused before any work. */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z
      .object({
        algorithm: z.literal(BOT_CHALLENGE_ALGORITHM),
        nonce: hex,
        salt: hex,
        // Only our own cost: a payload cannot make the server derive an expensive key.
        cost: z.literal(BOT_CHALLENGE_COST),
        keyLength: z.number().int().min(1).max(64),
        keyPrefix: hex,
        expiresAt: z.number().positive(),
      })
      .loose(),
    signature: hex,
  }),
  solution: z.object({ counter: z.number().int().min(0).max(0xffffffff), derivedKey: hex, time: z.number().optional() }),
});

/** A payload field the form may send: empty means "not solved". */
export const botChallengeFieldSchema = z.string().trim().max(4096).optional();

export type BotSolutionCheck =
  | { ok: true; digest: string; expiresAt: Date }
  | { ok: false; reason: "malformed" | "expired" | "tampered" | "wrong" };

function decode(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  } catch {
    return null;
  }
}

/**
 * Checks a solved challenge: the shape (zod), then altcha-lib: not expired,
 * signed with our key (so not made up or altered), and the counter really
 * yields the key. `digest` names the challenge for the single-use record.
 */
export async function checkBotSolution(payload: string): Promise<BotSolutionCheck> {
  const parsed = payloadSchema.safeParse(decode(payload));
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { challenge, solution } = parsed.data;
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: botChallengeKey() });
  } catch (error) {
    // The key is missing (production without ALTCHA_HMAC_KEY): a configuration fault, not the client's.
    if (error instanceof Error && error.message.startsWith("ALTCHA_HMAC_KEY")) throw error;
    // Odd values the shape check let through (e.g. an odd-length hex string) are the client's fault.
    return { ok: false, reason: "malformed" };
  }
  if (result.verified) {
    const digest = createHash("sha256").update(challenge.signature).digest("hex");
    return { ok: true, digest, expiresAt: new Date(challenge.parameters.expiresAt * 1000) };
  }
  if (result.expired) return { ok: false, reason: "expired" };
  return { ok: false, reason: result.invalidSignature ? "tampered" : "wrong" };
}
