import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { savedState } from "./support/saved-state";

// A catalog manager's saved session (e2e/auth.setup.ts): the tests change products, not the account.
test.use({ storageState: savedState("catalog_manager") });

const header = "product_slug,product_name,description,category_slug,published,featured,meta_title,meta_description,option1_name,option1_value,sku,price,compare_at_price,stock,weight_grams,max_per_order";

test("a catalog manager dry-runs a CSV, sees the report, imports it, and exports the catalog", async ({ page }) => {
  const tag = randomBytes(4).toString("hex");
  const slug = `e2e-csv-${tag}`;
  const file = [
    header,
    `${slug},CSV Tee ${tag},A tee from the import test.,outdoor,true,false,,,Size,S,E2E-${tag}-S,19.90,,4,200,5`,
    `${slug},CSV Tee ${tag},A tee from the import test.,outdoor,true,false,,,Size,M,E2E-${tag}-M,21.90,,2,210,5`,
  ].join("\n");
  const upload = { name: "catalog.csv", mimeType: "text/csv", buffer: Buffer.from(file) };
  try {
    await page.goto("/admin/products/import");
    await expect(page.getByRole("heading", { name: "Import and export the catalog" })).toBeVisible();

    await page.getByLabel("Catalog file (CSV)").setInputFiles(upload);
    await expect(page.getByRole("checkbox", { name: /Dry run/ })).toBeChecked();
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("heading", { name: "Dry run: 2 rows checked, nothing changed" })).toBeVisible();
    await expect(page.getByText("Variants: 2 created, 0 updated, 0 unchanged.")).toBeVisible();
    expect(await sql(`SELECT 1 FROM "Product" WHERE slug = $1`, [slug])).toHaveLength(0);

    // A refused file: the row and column named, nothing applied.
    await page.getByLabel("Catalog file (CSV)").setInputFiles({ ...upload, buffer: Buffer.from(`${file}\n${slug}-2,X,Y,outdoor,true,false,,,,,E2E-${tag}-X,=1+1,,1,1,1`) });
    await page.getByRole("checkbox", { name: /Dry run/ }).uncheck();
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("heading", { name: /Nothing was imported: 1 problem in 3 rows/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /4 price .*formula/ })).toBeVisible();
    expect(await sql(`SELECT 1 FROM "Product" WHERE slug = $1`, [slug])).toHaveLength(0);

    await page.getByLabel("Catalog file (CSV)").setInputFiles(upload);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("heading", { name: "Imported 2 rows" })).toBeVisible();
    const [product] = await sql<{ priceMinor: number; variants: number }>(
      `SELECT p."priceMinor", (SELECT count(*)::int FROM "ProductVariant" v WHERE v."productId" = p.id) AS variants FROM "Product" p WHERE slug = $1`,
      [slug],
    );
    expect(product).toEqual({ priceMinor: 1990, variants: 2 });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^catalog-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path()) ?? "", "utf8");
    expect(text.startsWith('"product_slug","product_name","description","category_slug"')).toBe(true);
    expect(text).toContain(`"${slug}","CSV Tee ${tag}"`);
  } finally {
    await sql(`DELETE FROM "Product" WHERE slug = $1`, [slug]);
  }
});

test.describe("as support (products:read, not products:write)", () => {
  test.use({ storageState: savedState("support") });

  test("the import page and the upload are refused, and nothing is imported", async ({ page, baseURL }) => {
    await page.goto("/admin/products/import");
    await expect(page).toHaveURL(/\/admin\?denied=products%3Awrite$/);
    const slug = `e2e-csv-denied-${randomBytes(4).toString("hex")}`;
    const response = await page.request.post("/admin/products/import/upload?dryRun=0", {
      headers: { origin: baseURL ?? "", "content-type": "text/csv" },
      data: `${header}\n${slug},Denied,Nope.,outdoor,true,false,,,,,E2E-${slug},1.00,,1,1,1\n`,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toMatch(/\/admin\?denied=products%3Awrite$/);
    expect(await sql(`SELECT 1 FROM "Product" WHERE slug = $1`, [slug])).toHaveLength(0);
  });
});
