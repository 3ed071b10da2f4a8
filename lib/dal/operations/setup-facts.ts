import "server-only";
import { db } from "@/lib/db";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";

/**
 * What the self-check needs from the database: the role the shop connects as
 * (it should be neither a superuser nor the owner of any table, so a flaw in
 * the app cannot alter the schema or the audit log's triggers) and how many
 * active staff members have no second factor yet.
 */
export type SetupFacts = {
  role: string;
  superuser: boolean;
  /** Tables in the shop's schema owned by the connecting role. */
  ownedTables: number;
  staffWithoutTwoFactor: number;
};

/** For the operator's command (`npm run security:check`), who holds the database credentials. */
export async function readSetupFacts(): Promise<SetupFacts> {
  const [role] = await db.$queryRaw<{ role: string; superuser: boolean; owned: bigint }[]>`
    SELECT current_user AS role,
           (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
           (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user) AS owned`;
  const staffWithoutTwoFactor = await db.user.count({ where: { kind: "staff", deactivatedAt: null, totpEnabledAt: null } });
  return { role: role?.role ?? "unknown", superuser: role?.superuser ?? false, ownedTables: Number(role?.owned ?? 0), staffWithoutTwoFactor };
}

/** For the admin page: the same facts, to staff who may read the shop's security state. */
export async function getSetupFacts(viewer: StaffViewer): Promise<SetupFacts> {
  assertPermission(viewer, "security:read");
  return readSetupFacts();
}
