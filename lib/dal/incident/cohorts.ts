import "server-only";
import { z } from "zod";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Whose accounts an incident tool acts on. */
export const ACCOUNT_COHORTS = ["everyone", "customers", "staff", "list"] as const;
export type AccountCohortKind = (typeof ACCOUNT_COHORTS)[number];
export type AccountCohort = { kind: Exclude<AccountCohortKind, "list"> } | { kind: "list"; emails: string[] };

export const COHORT_LABELS: Readonly<Record<AccountCohortKind, string>> = {
  everyone: "Everyone (customers and staff)",
  customers: "Customers only",
  staff: "Staff only",
  list: "These accounts (emails)",
};

/** The most addresses a list cohort may name (larger groups are a cohort of their own). */
export const MAX_LISTED_ACCOUNTS = 1000;

/** A pasted list of addresses: separated by commas, spaces or lines; each checked; duplicates dropped. */
export const emailListSchema = z
  .string()
  .transform((text) => [...new Set(text.split(/[\s,;]+/).map(normalizeEmail).filter((email) => email !== ""))])
  .pipe(
    z
      .array(z.email("One of the addresses is not valid.").max(254))
      .min(1, "List at least one address.")
      .max(MAX_LISTED_ACCOUNTS, `List at most ${MAX_LISTED_ACCOUNTS} addresses.`),
  );

/** Reads a cohort from a form or command line: the kind, and for a list the pasted addresses. */
export function parseAccountCohort(kind: string, emails: string | undefined): { ok: true; cohort: AccountCohort } | { ok: false; field: "cohort" | "emails"; message: string } {
  if (!(ACCOUNT_COHORTS as readonly string[]).includes(kind)) return { ok: false, field: "cohort", message: "Choose whose accounts." };
  if (kind !== "list") return { ok: true, cohort: { kind: kind as Exclude<AccountCohortKind, "list"> } };
  const parsed = emailListSchema.safeParse(emails ?? "");
  if (!parsed.success) return { ok: false, field: "emails", message: parsed.error.issues[0]?.message ?? "Check the addresses." };
  return { ok: true, cohort: { kind: "list", emails: parsed.data } };
}

/** The accounts a cohort names, as a Prisma filter (a list matches by normalised address). */
export function cohortWhere(cohort: AccountCohort): Prisma.UserWhereInput {
  if (cohort.kind === "list") return { email: { in: cohort.emails.map(normalizeEmail) } };
  if (cohort.kind === "customers") return { kind: "customer" };
  if (cohort.kind === "staff") return { kind: "staff" };
  return {};
}

/** Account ids of a cohort, and how many listed addresses have no account (reported as a count, never named). */
export async function accountsOf(tx: Prisma.TransactionClient, cohort: AccountCohort): Promise<{ ids: string[]; unmatched: number }> {
  const rows = await tx.user.findMany({ where: cohortWhere(cohort), select: { id: true } });
  const unmatched = cohort.kind === "list" ? cohort.emails.length - rows.length : 0;
  return { ids: rows.map((row) => row.id), unmatched };
}

/** What the audit entry says about a cohort: its kind and size, never the addresses. */
export const cohortSummary = (cohort: AccountCohort) => (cohort.kind === "list" ? { cohort: "list", listed: cohort.emails.length } : { cohort: cohort.kind });
