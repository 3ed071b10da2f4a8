import { randomBytes } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { signIn, verifiedCustomer } from "./support/accounts";

const siteUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

/**
 * Lockout is not a denial of service (OWASP device cookies; NIST 800-63B
 * §3.2.2): 100 wrong guesses from 25 addresses lock the account for unknown
 * clients, while the browser its owner signed in with before still signs in.
 */
test("during a distributed guessing attack the owner's browser still signs in", async ({ page, browser, playwright }) => {
  // Measured at about 38 s (hundreds of refused sign-ins); 120 s keeps a 3x margin.
  test.setTimeout(120_000);
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  const deviceCookie = async () => (await page.context().cookies()).find((cookie) => cookie.name.endsWith("shop.trusted-device"));
  expect(await deviceCookie()).toMatchObject({ httpOnly: true, sameSite: "Strict" });

  // Signing out ends the session but keeps the device cookie.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out/);
  expect(await deviceCookie()).toBeDefined();

  const [net = 0] = randomBytes(1);
  for (let address = 1; address <= 25; address += 1) {
    const attacker = await playwright.request.newContext({
      baseURL: siteUrl,
      extraHTTPHeaders: { "x-forwarded-for": `198.19.${net}.${address}`, origin: siteUrl },
    });
    const { csrfToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
    for (let guess = 0; guess < 4; guess += 1) {
      const answer = await attacker.post("/api/auth/callback/credentials", {
        form: { email: identity.email, password: `guess ${address}-${guess}`, csrfToken, json: "true" },
      });
      expect(answer.status()).not.toBe(503);
    }
    await attacker.dispose();
  }

  // A browser that never signed in to the account is throttled, even with the right password.
  const stranger = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `198.19.${net}.200` } });
  const strangerPage = await stranger.newPage();
  await signIn(strangerPage, identity);
  await expect(strangerPage.locator("form").getByRole("alert")).toContainText("Too many attempts");
  await stranger.close();

  // The owner's browser is not.
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
});
