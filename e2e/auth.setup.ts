import { mkdir, writeFile } from "node:fs/promises";
import { STAFF_ROLES } from "../lib/auth/permissions";
import { signIn } from "./support/accounts";
import { expect, test as setup } from "./support/fixtures";
import { accountsFile, authDir, savedState } from "./support/saved-state";
import { type AccountRole, createAccounts } from "./support/seeded-accounts";
import { answerChallenge, currentCode } from "./support/two-factor";

/**
 * Signs in one customer and one staff member per role, once, through the real
 * sign-in form (and code challenge for staff), and saves each browser state.
 * Specs that only need "a signed-in X" start from it (savedState), instead of
 * signing up, confirming the mail and enrolling two-factor in every test.
 */
setup("sign in one account per role", async ({ browser }) => {
  const roles: AccountRole[] = ["customer", ...STAFF_ROLES];
  const accounts = await createAccounts(roles);
  await mkdir(authDir, { recursive: true });
  await Promise.all(
    accounts.map(async (account, index) => {
      // Each its own client address, as the fixtures give every test (rate limits stay per client).
      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `198.19.0.${index + 1}` } });
      const page = await context.newPage();
      await signIn(page, account);
      if (account.secret) await answerChallenge(page, currentCode(account.secret));
      await expect(page).toHaveURL(/\/account$/);
      if (account.secret) {
        await page.goto("/admin");
        await expect(page).toHaveURL(/\/admin$/);
      }
      await context.storageState({ path: savedState(account.role) });
      await context.close();
    }),
  );
  await writeFile(accountsFile, JSON.stringify(accounts, null, 2));
});
