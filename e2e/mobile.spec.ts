import { expect, type Page, test } from "@playwright/test";

// Runs in the "mobile" project only (375 px wide, touch).
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the shop works at a 375 px viewport @mobile", async ({ page }) => {
  await page.goto("/");
  expect(page.viewportSize()?.width).toBe(375);
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.getByRole("main").getByRole("link", { name: /^Outdoor/ }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Outdoor" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The header's categories sit behind a disclosure button on a phone.
  const menu = page.getByRole("button", { name: "Categories" });
  const categories = page.getByRole("navigation", { name: "Categories" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(categories.getByRole("link", { name: "Kitchen" })).toBeHidden();
  await menu.tap();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await categories.getByRole("link", { name: "Kitchen" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Kitchen" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expectNoHorizontalScroll(page);
  await page.goBack();

  await page.getByRole("link", { name: "Trail Backpack 30L" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Trail Backpack 30L" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // Touch targets of the header controls are at least 44 px high (WCAG 2.5.5).
  const cart = await page.getByRole("link", { name: "Cart" }).boundingBox();
  expect(cart?.height ?? 0).toBeGreaterThanOrEqual(44);
});
