import "server-only";
import { headers } from "next/headers";
import { requestContext } from "@/lib/auth/request-context";
import { isBotChallengeRequired } from "@/lib/dal/bot-defence/challenge-required";

/**
 * Whether the page should show the security check to this request's client
 * (and account, when signed in). The actions check again on submit: this only
 * decides what the form shows first.
 */
export async function botChallengeRequiredHere(userId?: string | null): Promise<boolean> {
  const { ip } = requestContext(await headers());
  return isBotChallengeRequired({ ip, userId });
}
