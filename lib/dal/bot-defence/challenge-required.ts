import "server-only";
import { db } from "@/lib/db";
import { DETECTION_RULES } from "@/lib/security/detection/findings";
import { networkOf } from "@/lib/security/detection/network";
import { clientAddressIndexOf } from "@/lib/auth/rate-limit/client-address-index";

/** Who is asking: the client's address (from trusted proxy hops) and, when known, the account. */
export type BotGateClient = { ip: string; userId?: string | null };

/** The alert subjects that would cover this client, as the detection rules write them ("ip:", "net:", "addr:", "user:"). */
export function subjectsFor(client: BotGateClient): string[] {
  const subjects: string[] = [];
  const network = networkOf(client.ip);
  // "unknown" (no trusted address) names nobody: no alert can be about it.
  if (network) subjects.push(`ip:${client.ip}`, `net:${network}`);
  // Card testing per client address names the address by the keyed digest its orders keep.
  const addressIndex = network ? clientAddressIndexOf(client.ip) : null;
  if (addressIndex) subjects.push(`addr:${addressIndex.slice(0, 16)}`);
  if (client.userId) subjects.push(`user:${client.userId}`);
  return subjects;
}

/**
 * Whether this client must solve a proof-of-work challenge: a detection rule
 * has an open (unacknowledged) alert on its address, its network, its
 * address's digest (card testing) or its account. Staff lift the requirement by acknowledging the alert. Insider
 * alerts (staff activity) never put a challenge in front of customers.
 */
export async function isBotChallengeRequired(client: BotGateClient): Promise<boolean> {
  const subjects = subjectsFor(client);
  if (subjects.length === 0) return false;
  const open = await db.securityAlert.findFirst({
    where: { kind: { in: [...DETECTION_RULES] }, subject: { in: subjects }, acknowledgedAt: null },
    select: { id: true },
  });
  return open !== null;
}
