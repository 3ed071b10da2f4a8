import "server-only";
import { botChallengeFieldSchema, checkBotSolution } from "@/lib/auth/bot-challenge/challenge";
import type { RequestContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { isBotChallengeRequired } from "./challenge-required";
import { spendBotChallenge } from "./spent-challenges";

/** The actions a proof-of-work challenge can guard. */
export type BotGatedAction = "sign_in" | "sign_up" | "guest_checkout" | "payment_start";

export const BotGateRefusal = {
  /** A challenge is required and none was solved. */
  required: "challenge_required",
  /** What was sent is not a valid, unused solution of one of our challenges. */
  invalid: "challenge_invalid",
} as const;

export type BotGateResult = { ok: true } | { ok: false; code: (typeof BotGateRefusal)[keyof typeof BotGateRefusal] };

/**
 * The check each guarded action makes before it changes anything: when a
 * detection rule's alert is open for this client (isBotChallengeRequired), the
 * form must carry a solved, unexpired, unused challenge signed by this shop.
 * A solution is spent on success, so it passes once. Every refusal is recorded
 * as a security event (what was refused and why, never the payload).
 */
export async function passBotGate(input: {
  action: BotGatedAction;
  /** The submitted form field, unparsed. */
  payload: unknown;
  userId?: string | null;
  context: RequestContext;
  now?: Date;
}): Promise<BotGateResult> {
  const { context } = input;
  const userId = input.userId ?? null;
  if (!(await isBotChallengeRequired({ ip: context.ip, userId }))) return { ok: true };

  const field = botChallengeFieldSchema.safeParse(typeof input.payload === "string" ? input.payload : undefined);
  const payload = field.success ? field.data : undefined;
  if (!payload) return refuse(input, userId, "missing", BotGateRefusal.required);

  const check = await checkBotSolution(payload);
  if (!check.ok) return refuse(input, userId, check.reason, BotGateRefusal.invalid);
  if (!(await spendBotChallenge(check.digest, check.expiresAt, input.now))) return refuse(input, userId, "replayed", BotGateRefusal.invalid);
  return { ok: true };
}

async function refuse(
  input: { action: BotGatedAction; context: RequestContext },
  userId: string | null,
  reason: string,
  code: (typeof BotGateRefusal)[keyof typeof BotGateRefusal],
): Promise<BotGateResult> {
  await db.$transaction((tx) =>
    recordSecurityEvent(tx, { type: "bot_challenge_refused", userId, context: input.context, details: { action: input.action, reason } }),
  );
  return { ok: false, code };
}
