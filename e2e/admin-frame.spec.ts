import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";
import { savedState } from "./support/saved-state";

test.describe("staff", () => {
  test.use({ storageState: savedState("owner") });

  test("the admin has its own frame; the storefront names a way into it, and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Account and cart" }).getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    const backOffice = page.getByRole("navigation", { name: "Back office" });
    await expect(backOffice.getByRole("button", { name: "Sign out" })).toBeVisible();
    // None of the storefront's header: no product search, no cart, no category navigation.
    await expect(page.getByRole("search")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Account and cart" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Shop information" })).toHaveCount(0);

    await backOffice.getByRole("link", { name: "View shop" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("navigation", { name: "Account and cart" })).toBeVisible();
  });

  for (const path of ["/admin", "/admin/categories", "/admin/shipping"]) {
    test(`${path} has no WCAG 2.1 A/AA violations in the admin's frame`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Back office" })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    });
  }
});
