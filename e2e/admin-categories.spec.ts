import { randomBytes } from "node:crypto";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { savedState } from "./support/saved-state";

// A catalog manager runs the categories (products:write). Runs in the "navigation" project, after the others.
test.use({ storageState: savedState("catalog_manager") });

test("a catalog manager creates, reorders, renames, archives and restores a category; the shop follows", async ({ page, browser }) => {
  const suffix = randomBytes(3).toString("hex");
  const slug = `e2e-garden-${suffix}`;
  await page.goto("/admin/categories");
  await page.getByRole("link", { name: "New category" }).click();
  await page.getByLabel("Name", { exact: true }).fill(`Garden ${suffix}`);
  await page.getByLabel("Slug").fill("Garden Tools!");
  await page.getByLabel("Description", { exact: true }).fill("Tools and seeds for the garden.");
  await page.getByRole("button", { name: "Create category" }).click();
  // A refusal names the field and keeps what was typed.
  await expect(page.getByText("Use lower-case letters and digits")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`Garden ${suffix}`);
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create category" }).click();
  await expect(page).toHaveURL(/\/admin\/categories\/[^/?]+\?notice=created$/);

  // Last in the navigation, then one place up.
  const shopper = await browser.newPage({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  const navigation = shopper.getByRole("navigation", { name: "Categories" });
  await expect(async () => {
    await shopper.goto("/");
    await expect(navigation.getByRole("link").last()).toHaveText(`Garden ${suffix}`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.goto("/admin/categories");
  await page.getByRole("button", { name: `Move Garden ${suffix} up` }).click();
  await expect(async () => {
    await shopper.goto("/");
    await expect(navigation.getByRole("link").nth(-2)).toHaveText(`Garden ${suffix}`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // A meta title for search engines.
  await page.getByRole("link", { name: `Garden ${suffix}` }).click();
  await page.getByLabel("Meta title (optional)").fill(`Garden tools and seeds ${suffix}`);
  await page.getByRole("button", { name: "Save category" }).click();
  await expect(page.getByText("Category saved.")).toBeVisible();
  await expect(async () => {
    await shopper.goto(`/category/${slug}`);
    await expect(shopper).toHaveTitle(new RegExp(`^Garden tools and seeds ${suffix}`), { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // Archived: out of the navigation, and its page is gone.
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Archived: the category is gone from the shop.")).toBeVisible();
  await expect(async () => {
    expect((await shopper.goto(`/category/${slug}`))?.status()).toBe(404);
  }).toPass({ timeout: 15_000 });
  await shopper.goto("/");
  await expect(navigation.getByRole("link", { name: `Garden ${suffix}` })).toHaveCount(0);
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("Restored at the end of the navigation.")).toBeVisible();

  const audit = await sql<{ action: string }>(`SELECT action FROM "AuditEntry" WHERE "targetType" = 'category' AND "targetId" = (SELECT id FROM "Category" WHERE slug = $1) ORDER BY id`, [slug]);
  expect(audit.map((entry) => entry.action)).toEqual(["category.created", "category.moved", "category.updated", "category.archived", "category.restored"]);
  await sql(`UPDATE "Category" SET "archivedAt" = now() WHERE slug = $1`, [slug]);
  await shopper.close();
});

test("a category that holds published products cannot be archived", async ({ page }) => {
  const [audio] = await sql<{ id: string }>(`SELECT id FROM "Category" WHERE slug = 'audio'`);
  await page.goto(`/admin/categories/${audio!.id}`);
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Hide or move this category's published products first")).toBeVisible();
  const [after] = await sql<{ archivedAt: Date | null }>(`SELECT "archivedAt" FROM "Category" WHERE slug = 'audio'`);
  expect(after!.archivedAt).toBeNull();
});
