import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import type { Prisma, SecurityEventType } from "@/lib/generated/prisma/client";
import { ACTIVITY_LIMIT, listMySecurityActivity } from "./security-activity";
import { sessionFixtures, signedInViewer } from "./test-fixtures";

requireTestDatabaseUrl();

const context = { ip: "203.0.113.61", userAgent: "vitest security activity" };
const { createUser } = sessionFixtures(context);
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";
const DAY = 86_400_000;

function event(userId: string, type: SecurityEventType, fields: { ip?: string | null; userAgent?: string | null; details?: Prisma.InputJsonObject; daysAgo?: number } = {}) {
  return db.securityEvent.create({
    data: {
      userId,
      type,
      ip: fields.ip === undefined ? "198.51.100.23" : fields.ip,
      userAgent: fields.userAgent === undefined ? FIREFOX_WINDOWS : fields.userAgent,
      details: fields.details,
      createdAt: new Date(Date.now() - (fields.daysAgo ?? 0) * DAY),
    },
  });
}

async function viewerOf() {
  const user = await createUser();
  return { userId: user.id, viewer: await signedInViewer(user.id, context) };
}

describe("listMySecurityActivity", () => {
  it("shows only the viewer's own events, never another account's", async () => {
    const me = await viewerOf();
    const other = await viewerOf();
    const mine = await event(me.userId, "password_changed");
    await event(other.userId, "sign_in_succeeded");
    await event(other.userId, "email_changed");

    const activity = await listMySecurityActivity(me.viewer);
    expect(activity.map((row) => row.id)).toEqual([mine.id]);
  });

  it("masks the address and names the device; the raw IP and user agent never leave", async () => {
    const me = await viewerOf();
    await event(me.userId, "sign_in_succeeded", { details: { country: "NL", sessionId: "s1" } });

    const [row] = await listMySecurityActivity(me.viewer);
    expect(row).toEqual({ id: expect.any(String), type: "sign_in_succeeded", at: expect.any(Date), browser: "Firefox", system: "Windows", maskedIp: "198.51.100.x", country: "NL" });
    expect(JSON.stringify(row)).not.toContain("198.51.100.23");
    expect(JSON.stringify(row)).not.toContain("Gecko");
  });

  it("shows an unknown place and device when nothing was recorded, or erasure cleared it", async () => {
    const me = await viewerOf();
    await event(me.userId, "new_device_sign_in", { ip: null, userAgent: null });
    await event(me.userId, "sign_in_succeeded", { details: { country: "<script>" } });

    const rows = await listMySecurityActivity(me.viewer);
    expect(rows.map((row) => [row.type, row.maskedIp, row.browser, row.country])).toEqual(
      expect.arrayContaining([
        ["new_device_sign_in", null, null, null],
        ["sign_in_succeeded", "198.51.100.x", "Firefox", null],
      ]),
    );
  });

  it("keeps to the last 30 days and to the account's own changes (not failed guesses)", async () => {
    const me = await viewerOf();
    const recent = await event(me.userId, "two_factor_disabled", { daysAgo: 29 });
    await event(me.userId, "recovery_code_used", { daysAgo: 31 });
    await event(me.userId, "sign_in_failed");
    await event(me.userId, "order_access_denied");

    const activity = await listMySecurityActivity(me.viewer);
    expect(activity.map((row) => row.id)).toEqual([recent.id]);
  });

  it("lists newest first and stops at the limit", async () => {
    const me = await viewerOf();
    const ids: string[] = [];
    for (let day = 0; day < ACTIVITY_LIMIT + 5; day += 1) ids.push((await event(me.userId, "session_revoked", { daysAgo: day / 10 })).id);

    const activity = await listMySecurityActivity(me.viewer);
    expect(activity).toHaveLength(ACTIVITY_LIMIT);
    expect(activity.map((row) => row.id)).toEqual(ids.slice(0, ACTIVITY_LIMIT));
  });
});
