import { mkdir } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { savedState } from "./support/saved-state";

/*
 * Screenshots of the main pages at a phone's and a laptop's width, kept in
 * test-results/screenshots/ (and attached to the report) for a person to look
 * at: what a change did to the shop's looks. Each shot waits for its page's
 * content, so a blank or broken page fails here rather than being pictured.
 */
const widths = [375, 1280] as const;
const dir = "test-results/screenshots";

async function shoot(page: Page, name: string, width: number) {
  await mkdir(dir, { recursive: true });
  const path = `${dir}/${name}-${width}.png`;
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(`${name}-${width}`, { path, contentType: "image/png" });
}

for (const width of widths) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test(`home, product, cart and checkout (${width} px)`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shoot(page, "home", width);
      await page.goto("/products/studio-over-ear-headphones");
      await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible();
      await shoot(page, "product", width);
      await page.getByRole("button", { name: "Add to cart" }).click();
      await expect(page.getByRole("status")).toContainText("Added to your cart.");
      await page.goto("/cart");
      await expect(page.getByRole("link", { name: "Check out as guest" })).toBeVisible();
      await shoot(page, "cart", width);
      await page.getByRole("link", { name: "Check out as guest" }).click();
      await expect(page.getByRole("button", { name: /Continue to payment/ })).toBeVisible();
      await shoot(page, "checkout", width);
    });

    test.describe("staff", () => {
      test.use({ storageState: savedState("owner") });

      test(`the admin dashboard (${width} px)`, async ({ page }) => {
        await page.goto("/admin");
        await expect(page.getByRole("navigation", { name: "Back office" })).toBeVisible();
        await shoot(page, "admin", width);
      });
    });
  });
}
