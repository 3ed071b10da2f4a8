import { shopConfig } from "../shop.config";
import { expect, test } from "./support/fixtures";

const footerPages = ["Shipping and returns", "Contact", "Privacy notice", "Terms of sale", "Imprint"];

test("the footer leads to every information page, each filled from the shop's configuration", async ({ page }) => {
  for (const name of footerPages) {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Shop information" }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
  await page.goto("/imprint");
  const main = page.locator("#main");
  await expect(main).toContainText(shopConfig.legal.entity);
  await expect(main).toContainText(shopConfig.legal.representative);
  await expect(main).toContainText(shopConfig.legal.address[0]);
  await page.goto("/privacy");
  await expect(main.getByRole("link", { name: shopConfig.legal.privacyEmail }).first()).toHaveAttribute("href", `mailto:${shopConfig.legal.privacyEmail}`);
  await page.goto("/shipping-and-returns");
  // The return window is the operator's RETURN_WINDOW_DAYS setting (30 unless set).
  await expect(main).toContainText("within 30 days of delivery");
  await expect(main).toContainText(shopConfig.policies.dispatchDays);
});
