import type { StaffRoleName } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { StaffViewer } from "./members";
import type { TestUsers } from "@/lib/dal/test-users";

/**
 * Staff members for DAL tests: a real staff row with the role (so
 * owner counts, role checks and sessions see it) and the StaffViewer the
 * admin guard would build for it, signed in with a factor proven just now.
 */
export function staffFixtures(users: TestUsers) {
  async function staffViewer(role: StaffRoleName, overrides: Partial<Omit<StaffViewer, "userId" | "role">> = {}): Promise<StaffViewer> {
    const user = await users.createUser({ kind: "staff", name: `Staff ${role}`, emailVerifiedAt: new Date() });
    await db.user.update({ where: { id: user.id }, data: { staffRole: role } });
    return {
      userId: user.id,
      sessionId: "test",
      role,
      name: user.name,
      email: user.email,
      reauthenticatedAt: new Date(),
      policyAccepted: true,
      ...overrides,
    };
  }

  /** A staff member's role and deactivation as stored. */
  const roleOf = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { staffRole: true, deactivatedAt: true } });

  return { staffViewer, roleOf };
}
