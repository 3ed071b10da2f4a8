import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { createSession, findActiveSession } from "@/lib/dal/sessions/sessions";
import { throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import { deleteMyAccount } from "./my-data";

requireTestDatabaseUrl();

const { users, newContext } = throttledTestUsers({ name: "Country Eraser", userAgent: "vitest erasure country" });

async function customerWithCountryEvents() {
  const user = await users.createUser();
  const { token } = await db.$transaction((tx) => createSession(tx, { userId: user.id, audience: "customer", persistent: false, context: newContext() }));
  const viewer = await findActiveSession(token);
  if (!viewer) throw new Error("no session");
  await db.securityEvent.create({ data: { type: "sign_in_succeeded", userId: user.id, details: { country: "NZ", method: "password" } } });
  await db.securityEvent.create({ data: { type: "sign_in_failed", userId: user.id, details: { reason: "invalid", country: "NZ" } } });
  return { user, viewer };
}

describe("erasure drops the sign-in country from the customer's security events", () => {
  it("removes details.country and keeps the rest; another customer's events keep theirs", async () => {
    const me = await customerWithCountryEvents();
    const other = await customerWithCountryEvents();
    await deleteMyAccount(me.viewer, newContext());

    const mine = await db.securityEvent.findMany({ where: { userId: me.user.id, type: { in: ["sign_in_succeeded", "sign_in_failed"] } } });
    expect(mine).toHaveLength(2);
    for (const event of mine) expect(event.details).not.toHaveProperty("country");
    expect(mine.map((event) => event.details)).toEqual(expect.arrayContaining([{ method: "password" }, { reason: "invalid" }]));

    const theirs = await db.securityEvent.findMany({ where: { userId: other.user.id, details: { path: ["country"], equals: "NZ" } } });
    expect(theirs).toHaveLength(2);
  });
});
