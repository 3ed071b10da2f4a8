import { limitAction } from "@/lib/auth/rate-limit/action-limits";
import { createBotChallenge } from "@/lib/auth/bot-challenge/challenge";
import { clientIp } from "@/lib/http/client-ip";

const noStore = { "cache-control": "no-store" };

/**
 * Serves a fresh signed proof-of-work challenge to the widget (same origin:
 * nothing is fetched from a third party). Never cached: each challenge is
 * single-use. Throttled per client address; a refusal says when to retry.
 */
export async function GET(request: Request) {
  const limit = await limitAction("botChallengeByIp", clientIp(request.headers));
  if (!limit.allowed) {
    const status = limit.scope === "store" ? 503 : 429;
    return Response.json({ error: status === 429 ? "Too many challenges" : "Unavailable" }, { status, headers: { ...noStore, "retry-after": String(limit.retryAfterSeconds) } });
  }
  return Response.json(await createBotChallenge(), { headers: noStore });
}
