import { describe, expect, it } from "vitest";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";
import { testUsers } from "@/lib/dal/test-users";
import { db } from "@/lib/db";
import { getSetupFacts, readSetupFacts } from "./setup-facts";

requireTestDatabaseUrl();
const { staffViewer } = staffFixtures(testUsers());

describe("setup facts", () => {
  it("name the connecting role, see that the test server's owner is a superuser owning the tables, and count staff without a second factor", async () => {
    const before = await readSetupFacts();
    const viewer = await staffViewer("auditor"); // a staff row with no TOTP enrolled
    const facts = await getSetupFacts(viewer);
    expect(facts.role).toBe((await db.$queryRaw<{ u: string }[]>`SELECT current_user AS u`)[0]?.u);
    expect(facts.superuser).toBe(true);
    expect(facts.ownedTables).toBeGreaterThan(10);
    expect(facts.staffWithoutTwoFactor).toBe(before.staffWithoutTwoFactor + 1);
    await db.user.update({ where: { id: viewer.userId }, data: { totpEnabledAt: new Date() } });
    expect((await readSetupFacts()).staffWithoutTwoFactor).toBe(before.staffWithoutTwoFactor);
  });

  it("are refused to a role without security:read", async () => {
    await expect(getSetupFacts(await staffViewer("support"))).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
