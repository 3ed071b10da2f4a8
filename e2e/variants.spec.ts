import { randomBytes } from "node:crypto";
import { checkOutToPaymentPage, payOnTestGateway, signedInCustomer } from "./support/checkout";
import { sql } from "./support/database";
import { expect, test } from "./support/fixtures";
import { createTestProductWithOptions, latestOrderOf, variantStockOf } from "./support/products";
import { savedState } from "./support/saved-state";

const uniqueName = (name: string) => `${name} ${randomBytes(3).toString("hex")}`;

test("choose variants with the option picker, buy two of them with WELCOME10, and the gateway and order see each", async ({ page }) => {
  const product = await createTestProductWithOptions(uniqueName("E2E Variant Tee"));
  const identity = await signedInCustomer(page);
  await page.goto(`/products/${product.slug}`);

  const size = page.getByRole("group", { name: "Size" });
  const colour = page.getByRole("group", { name: "Colour" });
  const addButton = page.getByRole("button", { name: "Add to cart" });
  // The first variant that can be bought is chosen at first: S in Black.
  await expect(size.getByRole("radio", { name: "S" })).toBeChecked();
  await expect(colour.getByRole("radio", { name: "Black" })).toBeChecked();
  await expect(page.getByText("$20.00")).toBeVisible();

  await size.getByRole("radio", { name: "M" }).check();
  await expect(page.getByText("$22.00")).toBeVisible();
  await expect(page.locator("s")).toContainText("$25.00");

  // S in Sand is sold out: said so, and nothing to add.
  await size.getByRole("radio", { name: "S" }).check();
  await colour.getByRole("radio", { name: "Sand" }).check();
  await expect(page.getByText("Out of stock", { exact: true })).toBeVisible();
  await expect(addButton).toBeDisabled();

  await size.getByRole("radio", { name: "M" }).check();
  await colour.getByRole("radio", { name: "Black" }).check();
  await addButton.click();
  await expect(page.getByRole("status")).toContainText("Added to your cart.");
  await size.getByRole("radio", { name: "S" }).check();
  await page.getByLabel("Quantity").fill("2");
  await addButton.click();
  await expect(page.getByRole("status")).toContainText("You now have 2 of these.");

  await page.goto("/cart");
  await expect(page.getByText("Size: M / Colour: Black", { exact: true })).toBeVisible();
  await expect(page.getByText("Size: S / Colour: Black", { exact: true })).toBeVisible();

  await page.goto("/checkout");
  await page.getByLabel("Discount code").fill("WELCOME10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("applied-discount")).toContainText("WELCOME10");
  await page.getByRole("radio", { name: /Express/ }).check();
  // 22.00 + 2 × 20.00 = 62.00; 10 % off is 6.20; express 14.95: computed on the server.
  await expect(page.getByTestId("order-discount")).toHaveText("−$6.20");
  await expect(page.getByTestId("order-total")).toHaveText("$70.75");

  await checkOutToPaymentPage(page);
  const order = await latestOrderOf(identity.email);
  const [session] = await sql<{ amountTotal: number; lineItems: { name: string; unitAmountMinor: number; quantity: number }[] }>(
    `SELECT "amountTotal", "lineItems" FROM "TestGatewaySession" WHERE "orderId" = $1`,
    [order!.id],
  );
  // The gateway boundary: one line per variant, named with its options, at its own price.
  expect(session!.amountTotal).toBe(7075);
  expect(session!.lineItems).toEqual(
    expect.arrayContaining([
      { name: `${product.name} (Size: M / Colour: Black)`, unitAmountMinor: 2200, quantity: 1 },
      { name: `${product.name} (Size: S / Colour: Black)`, unitAmountMinor: 2000, quantity: 2 },
    ]),
  );

  await payOnTestGateway(page);
  const items = await sql<{ sku: string; variantTitle: string; quantity: number; unitPriceMinor: number }>(
    `SELECT sku, "variantTitle", quantity, "unitPriceMinor" FROM "OrderItem" WHERE "orderId" = $1 ORDER BY sku`,
    [order!.id],
  );
  expect(items).toEqual([
    { sku: `${product.slug}-M-BLACK`.toUpperCase(), variantTitle: "Size: M / Colour: Black", quantity: 1, unitPriceMinor: 2200 },
    { sku: `${product.slug}-S-BLACK`.toUpperCase(), variantTitle: "Size: S / Colour: Black", quantity: 2, unitPriceMinor: 2000 },
  ]);
  expect([await variantStockOf(product.slug, "-M-BLACK"), await variantStockOf(product.slug, "-S-BLACK"), await variantStockOf(product.slug, "-M-SAND")]).toEqual([4, 3, 5]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the picker is a plain form: the chosen values are posted and the server finds the variant", async ({ page }) => {
    const product = await createTestProductWithOptions(uniqueName("E2E Plain Form Tee"));
    await page.goto(`/products/${product.slug}`);
    await page.getByRole("group", { name: "Size" }).getByRole("radio", { name: "M" }).check();
    await page.getByRole("group", { name: "Colour" }).getByRole("radio", { name: "Sand" }).check();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.goto("/cart");
    await expect(page.getByText("Size: M / Colour: Sand", { exact: true })).toBeVisible();

    // The sold-out combination is refused by the server, with a clear message.
    await page.goto(`/products/${product.slug}`);
    await page.getByRole("group", { name: "Colour" }).getByRole("radio", { name: "Sand" }).check();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Sorry, that product is out of stock.")).toBeVisible();
  });
});

test.describe("staff", () => {
  test.use({ storageState: savedState("catalog_manager") });

  test("a catalog manager gives a product options and a second variant, and the shop offers both", async ({ page }) => {
    const name = uniqueName("E2E Sized Lantern");
    const slug = `e2e-sized-${randomBytes(4).toString("hex")}`;
    await page.goto("/admin/products/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Slug").fill(slug);
    await page.getByLabel("Description", { exact: true }).fill("Comes in two sizes.");
    await page.getByLabel("SKU").fill(`${slug}-small`.toUpperCase());
    await page.getByLabel("Price (USD)").fill("30");
    await page.getByLabel("Category").selectOption({ label: "Outdoor" });
    await page.getByRole("button", { name: "Create product" }).click();
    await expect(page).toHaveURL(/\?notice=created$/);
    const adminUrl = page.url().replace(/\?.*$/, "");

    await page.getByLabel("Option 1 name").fill("Size");
    await page.getByLabel("Option 1 values").fill("Small, Large");
    await page.getByRole("button", { name: "Save options" }).click();
    await expect(page.getByText("The options were saved.")).toBeVisible();

    // The first variant took the first value; add the large one.
    const adding = page.locator("form", { has: page.getByRole("button", { name: "Add variant" }) });
    await adding.getByLabel("Size").selectOption("Large");
    await adding.getByLabel("SKU").fill(`${slug}-small`.toUpperCase());
    await adding.getByLabel("Price (USD)").fill("42");
    await adding.getByRole("button", { name: "Add variant" }).click();
    // A SKU in use is refused on its field, and what was typed stays.
    await expect(adding.getByText("Another variant already uses this SKU.")).toBeVisible();
    await expect(adding.getByLabel("Price (USD)")).toHaveValue("42");
    await adding.getByLabel("SKU").fill(`${slug}-large`.toUpperCase());
    await adding.getByRole("button", { name: "Add variant" }).click();
    await expect(page.getByText("The variant was added.")).toBeVisible();

    for (const size of ["Small", "Large"]) {
      const card = page.getByRole("article", { name: new RegExp(`Size: ${size}`) });
      await card.getByLabel("Change in stock").fill("5");
      await card.getByLabel("Reason").fill("Opening count");
      await card.getByRole("button", { name: "Adjust stock" }).click();
      await expect(card.getByText("Stock is now 5.")).toBeVisible();
    }
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("The product is published")).toBeVisible();

    await page.goto(`/products/${slug}`);
    await expect(page.getByText("$30.00")).toBeVisible();
    await page.getByRole("group", { name: "Size" }).getByRole("radio", { name: "Large" }).check();
    await expect(page.getByText("$42.00")).toBeVisible();
    await page.goto("/category/outdoor?sort=newest");
    await expect(page.getByRole("article").filter({ hasText: name })).toContainText("From $30.00");

    // No longer sold: archived, it leaves the shop and the default list, and cannot be published until restored.
    await page.goto(adminUrl);
    await page.getByRole("button", { name: "Archive product" }).click();
    await expect(page.getByText("The product is archived")).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
    await expect.poll(async () => (await page.request.get(`/products/${slug}`)).status()).toBe(404);
    await page.goto(`/admin/products?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("link", { name })).toHaveCount(0);
    await page.goto(`/admin/products?q=${encodeURIComponent(name)}&status=archived`);
    await expect(page.getByRole("link", { name })).toBeVisible();
  });
});
