import { installJobQueues, JOB_SCHEMA } from "@/lib/queue/boss";
import { appRoleToGrant, grantAppRole } from "./app-role";
import { applyMigrations } from "./migrations";

/**
 * Everything `npm run db:migrate` does, as the owner of the tables: applies
 * the migrations, installs (or migrates) the job queue's schema, which pg-boss
 * would otherwise create at the first start of an app that may not create
 * schemas, and grants the application's role, when it is another one, what it
 * needs and no more (app-role.ts).
 */
export async function migrateShopDatabase(options: { ownerUrl: string; appUrl?: string }): Promise<{ applied: string[]; grantedTo?: string }> {
  const applied = await applyMigrations(options.ownerUrl);
  await installJobQueues({ connectionString: options.ownerUrl });
  const grantedTo = appRoleToGrant(options.appUrl, options.ownerUrl);
  if (grantedTo) await grantAppRole(options.ownerUrl, grantedTo, JOB_SCHEMA);
  return { applied, grantedTo };
}
