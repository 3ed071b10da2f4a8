import { expect, test } from "./support/fixtures";
import { signIn, verifiedCustomer } from "./support/accounts";
import { sql } from "./support/database";
import { waitForMail } from "./support/mailbox";
import { answerChallenge, enrolTwoFactor, nextCode } from "./support/two-factor";

test("enrol, sign out, sign in with a code; the same code is refused the second time", async ({ page }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  const { secret } = await enrolTwoFactor(page);
  await expect(page.getByText("Two-factor authentication is on.").first()).toBeVisible();
  await waitForMail({ to: identity.email, subject: /two-factor sign-in is on/i });

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, identity);
  const code = nextCode(secret);
  await answerChallenge(page, code);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, identity);
  await answerChallenge(page, code);
  await expect(page.getByText("That code did not work.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  // Someone had the password but not the code: the owner is told.
  await waitForMail({ to: identity.email, subject: /someone entered your password/i });
});

test("a session that passed the password but not the code cannot open the account", async ({ page }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  await enrolTwoFactor(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // The signed-out page settled first: a form filled while it still loads can be reset under the typing.
  await expect(page).toHaveURL(/notice=signed-out/);
  await page.waitForLoadState("networkidle");

  await signIn(page, identity);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  for (const path of ["/account", "/account/security"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  }
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  for (const bad of ["abcdef", "12345", "1234567", "   "]) {
    await page.getByLabel("Authentication code").fill(bad);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByText("That code did not work.")).toBeVisible();
  }
});

test("a recovery code works once", async ({ page }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  const { recoveryCodes } = await enrolTwoFactor(page);
  const [recovery] = recoveryCodes;

  for (const attempt of [1, 2]) {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await signIn(page, identity);
    await page.getByRole("link", { name: "Use a recovery code instead" }).click();
    await page.getByLabel("Recovery code").fill((recovery ?? "").toUpperCase());
    await page.getByRole("button", { name: "Verify" }).click();
    if (attempt === 1) {
      await expect(page).toHaveURL(/\/account\/security\?notice=recovery-code-used/);
      await expect(page.getByText("9 unused recovery codes left.")).toBeVisible();
      await waitForMail({ to: identity.email, subject: /recovery code was used/i });
    } else {
      await expect(page.getByText("That recovery code did not work.")).toBeVisible();
    }
  }
});

test("turning two-factor off demands a fresh code first", async ({ page }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  const { secret } = await enrolTwoFactor(page);
  // The sign-in was long ago, as far as the step-up window is concerned.
  await sql(`UPDATE "Session" SET "passwordVerifiedAt" = "passwordVerifiedAt" - interval '1 hour', "secondFactorVerifiedAt" = "secondFactorVerifiedAt" - interval '1 hour' WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [identity.email]);

  await page.goto("/account/security");
  await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
  await expect(page).toHaveURL(/\/account\/confirm\?returnTo=%2Faccount%2Fsecurity/);
  await page.getByLabel("Authentication code").fill(nextCode(secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
  await expect(page.getByText("Two-factor authentication is off.")).toBeVisible();
  await waitForMail({ to: identity.email, subject: /two-factor sign-in was turned off/i });
});

test("the admin answers 404 to customers and sends staff without two-factor to enrol", async ({ page }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  expect((await page.goto("/admin"))?.status()).toBe(404);

  await sql(`UPDATE "User" SET kind = 'staff', "staffRole" = 'support' WHERE email = $1`, [identity.email]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/account\/security\?notice=staff-two-factor-required/);
  await enrolTwoFactor(page);
  await page.goto("/admin");
  // The data-handling policy comes first, then the admin.
  await expect(page).toHaveURL(/\/admin\/policy$/);
  await page.getByLabel("I have read this policy and will follow it").check();
  await page.getByRole("button", { name: "Accept and continue" }).click();
  await expect(page.getByRole("heading", { name: "Staff admin" })).toBeVisible();
});
