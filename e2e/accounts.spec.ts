import { expect, test } from "./support/fixtures";
import { newIdentity, signIn, signUpAndVerify, verifiedCustomer } from "./support/accounts";
import { extractLink, waitForMail } from "./support/mailbox";

test("sign up → verify the mailed link → sign in → sign out", async ({ page, context }) => {
  const identity = newIdentity();
  await signUpAndVerify(page, identity);

  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  await expect(page.getByText(`${identity.email} (verified)`)).toBeVisible();

  // Without "Remember me" the session cookie dies with the browser; it is never readable by scripts.
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("shop.session"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", expires: -1 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
});

test("remember me gives a persistent session cookie", async ({ page, context }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity, true);
  await expect(page).toHaveURL(/\/account$/);
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("shop.session"));
  const days = ((session?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(25);
});

test("sign-in failure says the same for an unknown email and a wrong password", async ({ page }) => {
  const identity = await verifiedCustomer();

  await signIn(page, { email: identity.email, password: "not the right password at all" });
  await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(identity.email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

  await signIn(page, { email: newIdentity().email, password: "not the right password at all" });
  await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password.");
});

test("sign-up with an existing email looks the same and mails the owner instead", async ({ page }) => {
  const identity = newIdentity();
  await signUpAndVerify(page, identity);
  const since = new Date();

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(identity.email);
  await page.getByLabel("Password", { exact: true }).fill("another long passphrase 9931");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email\?for=sign-up/);
  const notice = await waitForMail({ to: identity.email, since, subject: /tried to sign up/i });
  expect(notice.text).toContain("/forgot-password");
});

test("forgot password answers the same for an unknown address", async ({ page }) => {
  for (const email of [newIdentity().email, "someone.unknown@example.test"]) {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page).toHaveURL(/\/check-email\?for=password-reset$/);
    await expect(page.getByRole("status")).toContainText("If an account exists for that address");
  }
});

test("password reset through the mailed link ends other sessions; the link works once", async ({ page, browser }) => {
  const identity = await verifiedCustomer();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, identity);
  await expect(otherPage).toHaveURL(/\/account$/);

  const since = new Date();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(identity.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const mail = await waitForMail({ to: identity.email, since, subject: /reset/i });
  const link = extractLink(mail.text, "/reset-password");

  await page.goto(link);
  const newPassword = "granite lantern orchard 5521";
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=password-reset/);
  await waitForMail({ to: identity.email, since, subject: /password was (reset|changed)/i });

  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();

  await signIn(page, { email: identity.email, password: newPassword });
  await expect(page).toHaveURL(/\/account$/);
});

test("repeated failures are throttled with 429 and Retry-After", async ({ page }) => {
  const identity = await verifiedCustomer();
  await page.goto("/sign-in");
  let throttled: { status: number; retryAfter: string | null } | null = null;
  for (let attempt = 0; attempt < 8 && !throttled; attempt++) {
    const response = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await signIn(page, { email: identity.email, password: `wrong password number ${attempt}` });
    const answer = await response;
    if (answer.status() === 429) throttled = { status: 429, retryAfter: answer.headers()["retry-after"] ?? null };
  }
  expect(throttled?.status).toBe(429);
  expect(Number(throttled?.retryAfter)).toBeGreaterThan(0);
  await expect(page.locator("form").getByRole("alert")).toContainText("Too many attempts");

  // The right password is refused too while the block lasts.
  await signIn(page, identity);
  await expect(page.locator("form").getByRole("alert")).toContainText("Too many attempts");
});

test("ending a session from another browser signs that browser out on its next request", async ({ page, browser }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, identity);
  await expect(otherPage).toHaveURL(/\/account$/);
  await otherPage.goto("/account/security");
  const devices = otherPage.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem");
  await expect(devices).toHaveCount(2);
  await otherPage.getByRole("button", { name: "Sign out this device" }).click();
  await expect(otherPage.getByText("That device was signed out.")).toBeVisible();
  await expect(devices).toHaveCount(1);

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await other.close();
});

test("sign-out refuses a cross-site request", async ({ request }) => {
  const response = await request.post("/sign-out", {
    headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test("a 1 MB email is refused quickly, before any lookup or hashing", async ({ request }) => {
  const started = Date.now();
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
    data: `email=${"a".repeat(1024 * 1024)}%40example.test&password=whatever`,
  });
  expect(response.status()).toBe(413);
  expect(Date.now() - started).toBeLessThan(2000);
});

test("signing in from a second browser mails a new-device alert", async ({ page, browser }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);

  const since = new Date();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, identity);
  await expect(otherPage).toHaveURL(/\/account$/);
  const alert = await waitForMail({ to: identity.email, since, subject: /new sign-in/i });
  expect(alert.text).toContain("/account/security");
  await other.close();
});
