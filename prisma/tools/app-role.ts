import pg from "pg";

/**
 * The application's database role, when it is not the owner: DATABASE_URL's
 * user if `npm run db:migrate` connects as someone else (DATABASE_MIGRATION_URL).
 * Undefined for a single-role set-up (the embedded demo, the test suite).
 */
export function appRoleToGrant(appUrl: string | undefined, ownerUrl: string): string | undefined {
  if (!appUrl) return undefined;
  const app = decodeURIComponent(new URL(appUrl).username);
  const owner = decodeURIComponent(new URL(ownerUrl).username);
  return app && app !== owner ? app : undefined;
}

/**
 * What the application's role may do, (re)applied after every migration so
 * tables added later are covered: read and write the shop's tables and the job
 * queue's, use their sequences, and on the audit log only read and append. It
 * owns nothing, so it can neither alter a table (no DISABLE TRIGGER) nor grant
 * itself more; without TRUNCATE, UPDATE or DELETE on the audit log, the
 * append-only trigger is a second wall behind the missing privileges.
 */
export function appRoleGrants(role: string, jobSchema: string): string[] {
  const app = pg.escapeIdentifier(role);
  const jobs = pg.escapeIdentifier(jobSchema);
  return [
    // PostgreSQL before 15 let every role create objects in public.
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEntry" FROM ${app}`,
    `REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `GRANT USAGE ON SCHEMA ${jobs} TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${jobs} TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${jobs} TO ${app}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${jobs} TO ${app}`,
  ];
}

/** Applies appRoleGrants as the owner, in one transaction. */
export async function grantAppRole(ownerUrl: string, role: string, jobSchema: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const statement of appRoleGrants(role, jobSchema)) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
