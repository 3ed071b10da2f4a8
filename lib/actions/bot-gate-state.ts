import "server-only";
import { BOT_CHALLENGE_FIELD } from "@/lib/auth/bot-challenge/challenge";
import type { RequestContext } from "@/lib/context/request-context";
import { type BotGatedAction, passBotGate } from "@/lib/dal/bot-defence/bot-gate";
import type { ActionState } from "./action-state";

/** What the form says under the security check when it refused (shared with the sign-in form's copy). */
export const BOT_CHALLENGE_MESSAGES = {
  challenge_required: "Please complete the security check below, then submit again.",
  challenge_invalid: "The security check did not go through or has expired. Run it again, then submit.",
} as const;

/**
 * Runs the proof-of-work gate for a form action before it changes anything.
 * Null when the action may go on; otherwise the form state to return: the
 * message on the security check's field (the form then shows the widget) and
 * what the user typed (`values`, never secrets).
 */
export async function botGateRefusal(options: {
  action: BotGatedAction;
  formData: FormData;
  request: RequestContext;
  values: Record<string, string>;
  userId?: string | null;
}): Promise<ActionState | null> {
  const result = await passBotGate({
    action: options.action,
    payload: options.formData.get(BOT_CHALLENGE_FIELD),
    userId: options.userId,
    context: options.request,
  });
  if (result.ok) return null;
  const message = BOT_CHALLENGE_MESSAGES[result.code];
  return { status: "error", message, fieldErrors: { [BOT_CHALLENGE_FIELD]: [message] }, values: options.values };
}
