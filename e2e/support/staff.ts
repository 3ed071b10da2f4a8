import { expect, type Page } from "@playwright/test";
import { signIn } from "./accounts";
import { createAccounts, type StaffRole } from "./seeded-accounts";
import { answerChallenge, currentCode } from "./two-factor";

export type { StaffRole } from "./seeded-accounts";

/**
 * A new staff member of `role` (two-factor enrolled, data-handling policy
 * accepted: written by e2e/support/create-accounts.ts), signed in on `page`
 * through the sign-in form and the code challenge. For tests that change the
 * account or its session (step-up, audit entries by actor); a test that only
 * needs "a signed-in X" uses the saved state of e2e/auth.setup.ts instead.
 * Enrolment and the policy page have their own specs (two-factor.spec.ts).
 */
export async function signInAsStaff(page: Page, role: StaffRole) {
  const [account] = await createAccounts([role]);
  const secret = account!.secret!;
  await signIn(page, account!);
  await answerChallenge(page, currentCode(secret));
  await expect(page).toHaveURL(/\/account/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin$/);
  return { ...account!, secret };
}
