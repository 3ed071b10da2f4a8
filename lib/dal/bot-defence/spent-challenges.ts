import "server-only";
import { db } from "@/lib/db";

/**
 * Records a solved challenge as used. True the first time; false when it was
 * already used (a replay). The insert is the check, so two requests racing
 * with one solution cannot both pass. Records past their expiry are removed
 * on the way: an expired challenge is refused by its signed expiry anyway.
 */
export async function spendBotChallenge(digest: string, expiresAt: Date, now = new Date()): Promise<boolean> {
  await db.spentBotChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  const inserted = await db.$executeRaw`INSERT INTO "SpentBotChallenge" ("digest", "expiresAt") VALUES (${digest}, ${expiresAt}) ON CONFLICT ("digest") DO NOTHING`;
  return inserted === 1;
}
