import type { SetupFacts } from "@/lib/dal/operations/setup-facts";
import { failInProduction, item, type SelfCheckItem } from "./self-check-item";

/** The database items; `facts` is null when no database was reachable or configured. */
export function databaseRoleItem(facts: SetupFacts | null, production: boolean): SelfCheckItem {
  const label = "Database role";
  if (!facts) return item("database-role", label, "warn", "Not checked: no database connection.", "Run the check with the shop's DATABASE_URL.");
  const fix = "Connect the app as a role that owns nothing (DATABASE_URL) and migrate as the owner (DATABASE_MIGRATION_URL); see README, Deploying.";
  if (facts.superuser) return item("database-role", label, failInProduction(production), `The shop connects as "${facts.role}", a superuser: a flaw in the app could do anything to the server.`, fix);
  if (facts.ownedTables > 0) {
    return item("database-role", label, failInProduction(production), `The shop connects as "${facts.role}", which owns ${facts.ownedTables} tables: it could alter them and the audit log's triggers.`, fix);
  }
  return item("database-role", label, "ok", `The shop connects as "${facts.role}": no superuser, owns no table.`);
}

export function staffTwoFactorItem(facts: SetupFacts | null): SelfCheckItem {
  const label = "Staff two-factor";
  if (!facts) return item("staff-two-factor", label, "warn", "Not checked: no database connection.", "Run the check with the shop's DATABASE_URL.");
  if (facts.staffWithoutTwoFactor === 0) return item("staff-two-factor", label, "ok", "Every active staff member has two-factor authentication.");
  const count = facts.staffWithoutTwoFactor;
  return item("staff-two-factor", label, "warn", `${count} active staff member${count === 1 ? " has" : "s have"} not set up two-factor authentication.`,
    "Ask them to sign in and set it up (it is demanded at their first sign-in), or deactivate the accounts at /admin/staff.");
}
