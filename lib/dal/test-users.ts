import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { jobSender, stopJobSender } from "@/lib/queue/sender";

/** The user fields a DAL test may set; anything left out takes the suite's default. */
export type TestUserFields = Partial<
  Pick<Prisma.UserCreateInput, "email" | "name" | "passwordHash" | "kind" | "staffRole" | "passwordChangedAt" | "emailVerifiedAt">
>;

export type TestUsersOptions = {
  /** Field values for every user of the suite (a call's overrides win). */
  defaults?: TestUserFields;
  /**
   * The suite queues mail: warm the pg-boss sender before the tests (so the
   * queues are not installed inside a short transaction), and afterwards
   * delete the mail jobs queued to the suite's addresses and stop the sender.
   */
  mailJobs?: boolean;
  /** The file's own cleanup, run first after the tests, while the database connection is still open. */
  cleanUp?: () => Promise<void>;
};

export type TestUsers = {
  /** A fresh, unique address (tracked for cleanup). */
  newEmail(): string;
  /** Creates a user with the defaults and the given overrides; returns the columns the tests read. */
  createUser(overrides?: TestUserFields): Promise<{ id: string; email: string; name: string; passwordChangedAt: Date }>;
  /** Ids of the users created so far: deleted, with their security events, after the tests. */
  userIds: string[];
  /** Addresses handed out or used so far. */
  emails: string[];
};

/**
 * Throwaway users for a DAL test file that runs against the test database.
 * Registers the file's hooks: afterwards it deletes the users it created
 * (security events first, which would otherwise outlive them with a null
 * user), the mail jobs queued to them when `mailJobs` is set, and disconnects.
 * Call it once, at the top level of the test file.
 */
export function testUsers(options: TestUsersOptions = {}): TestUsers {
  const userIds: string[] = [];
  const emails: string[] = [];

  if (options.mailJobs) {
    beforeAll(async () => {
      await jobSender();
    });
  }

  afterAll(async () => {
    await options.cleanUp?.();
    await db.securityEvent.deleteMany({ where: { userId: { in: userIds } } });
    await db.user.deleteMany({ where: { id: { in: userIds } } });
    if (options.mailJobs) {
      await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ANY(${emails})`;
      await stopJobSender();
    }
    await db.$disconnect();
  });

  function newEmail(): string {
    const email = `dal-test-${randomBytes(8).toString("hex")}@example.test`;
    emails.push(email);
    return email;
  }

  async function createUser(overrides: TestUserFields = {}) {
    const fields = { ...options.defaults, ...overrides };
    const email = fields.email ?? newEmail();
    if (!emails.includes(email)) emails.push(email);
    const user = await db.user.create({
      data: {
        name: "DAL Tester",
        passwordHash: "$argon2id$not-a-real-hash",
        ...fields,
        email,
      },
      select: { id: true, email: true, name: true, passwordChangedAt: true },
    });
    userIds.push(user.id);
    return user;
  }

  return { newEmail, createUser, userIds, emails };
}
