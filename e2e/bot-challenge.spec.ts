import AxeBuilder from "@axe-core/playwright";
import { verifiedCustomer } from "./support/accounts";
import { closeDetectionAlerts, openDetectionAlert } from "./support/detection-alerts";
import { expect, test } from "./support/fixtures";

test("under an open alert for this address, sign-in asks for the proof-of-work check, the widget solves it, and no CSP violation occurs", async ({ page, extraHTTPHeaders }) => {
  // Both ways a browser reports a blocked script, style or worker: the console and the DOM event.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content security policy|refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  const subject = `ip:${extraHTTPHeaders?.["x-forwarded-for"]}`;
  const account = await verifiedCustomer();
  await openDetectionAlert(subject);
  try {
    await page.goto("/sign-in?callbackUrl=%2Faccount");
    const check = page.getByRole("group", { name: "Security check" });
    await expect(check).toBeVisible();

    // Without the check: refused with a clear message; the email stays, the password does not.
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(check.getByRole("alert")).toHaveText(/complete the security check/);
    await expect(page.getByLabel("Email")).toHaveValue(account.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    // The check and its error pass WCAG 2.1 A/AA like the rest of the shop.
    const axe = await new AxeBuilder({ page }).include('[data-testid="bot-challenge"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    // The widget, by keyboard: focus its checkbox and press Space; the browser solves the puzzle.
    const box = check.getByRole("checkbox");
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked({ timeout: 30_000 });
    await expect(check.locator('input[type="hidden"][name="altcha"]')).not.toHaveValue("", { timeout: 30_000 });

    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    expect(violations).toEqual([]);
  } finally {
    await closeDetectionAlerts(subject);
  }
});
