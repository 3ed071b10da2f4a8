import "server-only";
import { db } from "@/lib/db";
import { maskIp } from "@/lib/data-classes/masking";
import type { SecurityEventType } from "@/lib/generated/prisma/client";
import { parseUserAgent } from "@/lib/http/user-agent";
import type { ActiveSession } from "./sessions";

/** The events an owner is shown: what they (or someone with their password) did to the account. */
export const ACTIVITY_TYPES = [
  "sign_in_succeeded",
  "new_device_sign_in",
  "password_changed",
  "password_reset_completed",
  "email_changed",
  "two_factor_enabled",
  "two_factor_disabled",
  "recovery_code_used",
  "recovery_codes_regenerated",
  "session_revoked",
  "sessions_revoked",
  "account_compromise_reported",
  "app_signed_in",
  "app_signed_out",
  "oauth_refresh_token_reused",
  "oauth_code_reused",
] as const satisfies readonly SecurityEventType[];

export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_WINDOW_DAYS = 30;
export const ACTIVITY_LIMIT = 50;

/**
 * One row of "Recent activity" on /account/security. The IP is masked
 * (203.0.113.x): the owner recognises their network, while a person who has
 * taken over the browser does not learn every full address the owner used.
 * `country` is the proxy's country code recorded at sign-in, when configured.
 */
export type CustomerSecurityActivityDTO = {
  id: string;
  type: ActivityType;
  at: Date;
  browser: string | null;
  system: string | null;
  maskedIp: string | null;
  country: string | null;
};

function countryOf(details: unknown): string | null {
  if (typeof details !== "object" || details === null || !("country" in details)) return null;
  const { country } = details as { country: unknown };
  return typeof country === "string" && /^[A-Z]{2}$/.test(country) ? country : null;
}

/** The viewer's own activity of the last 30 days, newest first, at most 50 rows. */
export async function listMySecurityActivity(viewer: ActiveSession, now = new Date()): Promise<CustomerSecurityActivityDTO[]> {
  const since = new Date(now.getTime() - ACTIVITY_WINDOW_DAYS * 86_400_000);
  const rows = await db.securityEvent.findMany({
    where: { userId: viewer.userId, type: { in: [...ACTIVITY_TYPES] }, createdAt: { gte: since } },
    select: { id: true, type: true, createdAt: true, ip: true, userAgent: true, details: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACTIVITY_LIMIT,
  });
  return rows.map((row) => ({
    id: row.id,
    type: row.type as ActivityType,
    at: row.createdAt,
    ...parseUserAgent(row.userAgent),
    maskedIp: maskIp(row.ip),
    country: countryOf(row.details),
  }));
}
