import { expect, test } from "./support/fixtures";
import { signIn, verifiedCustomer } from "./support/accounts";
import { extractLink, waitForMail } from "./support/mailbox";

test("recent activity shows the sign-ins; \"This wasn't me\" signs out everywhere and locks the password until a reset", async ({ page, browser }) => {
  const identity = await verifiedCustomer();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, identity);
  await expect(otherPage).toHaveURL(/\/account$/);
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);

  await page.goto("/account/security");
  const list = page.getByRole("list", { name: "Recent activity" });
  const activity = list.getByRole("listitem");
  // Both sign-ins, the second one from a device the account had not used before.
  await expect(list.getByText("Signed in", { exact: true })).toHaveCount(2);
  await expect(list.getByText("Signed in on a new device", { exact: true })).toHaveCount(1);
  // The address is shown by its network only; no country is recorded here, so the place is unknown.
  await expect(activity.first()).toContainText(/unknown place · network \d+\.\d+\.\d+\.x/);

  const since = new Date();
  await page.getByText("This wasn't me").click();
  await page.getByLabel("What looked wrong? (optional)").fill("Two sign-ins at once, I only use one browser");
  await page.getByRole("button", { name: "Yes, sign out everywhere and lock my password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=account-locked/);
  await expect(page.getByRole("status").filter({ hasText: "locked your password" })).toContainText("We emailed you a link to choose a new password.");

  // The other browser's session is gone: its next page load asks it to sign in.
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();

  // The old password is right but no longer opens the account.
  await signIn(page, identity);
  await expect(page.getByRole("alert").filter({ hasText: "locked" })).toContainText("Forgot your password?");
  await expect(page).toHaveURL(/\/sign-in/);

  const mail = await waitForMail({ to: identity.email, since, subject: /locked your account/i });
  await page.goto(extractLink(mail.text, "/reset-password"));
  const newPassword = "quartz meadow lantern 8812";
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=password-reset/);
  await signIn(page, { email: identity.email, password: newPassword });
  await expect(page).toHaveURL(/\/account$/);
});
