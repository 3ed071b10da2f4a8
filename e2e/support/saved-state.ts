import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AccountRole, SeededAccount } from "./seeded-accounts";

/** Where e2e/auth.setup.ts saves each role's signed-in browser state (gitignored). */
export const authDir = join("e2e", ".auth");
export const accountsFile = join(authDir, "accounts.json");

/**
 * The storage state (session cookie) of the one account of `role` signed in by
 * e2e/auth.setup.ts. For tests that only need "a signed-in X" and change
 * neither the account nor its session: parallel tests share it.
 */
export function savedState(role: AccountRole): string {
  return join(authDir, `${role}.json`);
}

/** The account behind savedState(role). */
export function savedAccount(role: AccountRole): SeededAccount {
  const accounts = JSON.parse(readFileSync(accountsFile, "utf8")) as SeededAccount[];
  const account = accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No saved ${role} account: run through the "setup" project (e2e/auth.setup.ts).`);
  return account;
}
