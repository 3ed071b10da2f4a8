import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signIn, verifiedCustomer } from "./support/accounts";
import { expect, test } from "./support/fixtures";

const header = (page: Page) => page.getByRole("navigation", { name: "Account and cart" });
const cartLink = (page: Page, name: string) => header(page).getByRole("link", { name, exact: true });
const cartLines = (page: Page) => page.getByRole("list", { name: "Items in your cart" }).getByRole("listitem");

async function addToCart(page: Page, slug: string, quantity: number) {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Added to your cart.");
}

async function quantities(page: Page): Promise<Record<string, string>> {
  await page.goto("/cart");
  const entries: Array<[string, string]> = [];
  for (const line of await cartLines(page).all()) {
    const name = (await line.getByRole("heading", { level: 2 }).textContent()) ?? "";
    entries.push([name, await line.getByLabel("Quantity").inputValue()]);
  }
  return Object.fromEntries(entries);
}

test("a guest adds from the product page, changes the quantity on /cart and removes the line", async ({ page }) => {
  await page.goto("/products/insulated-water-bottle");
  await expect(cartLink(page, "Cart")).toBeVisible();
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("Added to your cart. You now have 2 of these.");
  await expect(cartLink(page, "Cart, 2 items")).toContainText("Cart (2)");

  // The guest cart is an opaque random token in an HttpOnly cookie.
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("shop.cart"));
  expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  await page.getByRole("link", { name: "View your cart" }).click();
  await expect(page).toHaveURL(/\/cart$/);
  const line = cartLines(page);
  await expect(line).toHaveCount(1);
  await expect(line.getByRole("link", { name: "Insulated Water Bottle" })).toHaveAttribute("href", "/products/insulated-water-bottle");
  await expect(line.getByLabel("Quantity")).toHaveValue("2");
  await expect(page.getByRole("link", { name: "Sign in to check out" })).toHaveAttribute("href", "/checkout");
  await expect(page.getByRole("link", { name: "Check out as guest" })).toHaveAttribute("href", "/checkout/guest");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await line.getByLabel("Quantity").fill("0");
  await line.getByRole("button", { name: "Update quantity of Insulated Water Bottle" }).click();
  await expect(line.getByText("Enter a quantity of at least 1.")).toBeVisible();
  await expect(line.getByLabel("Quantity")).toHaveValue("0");
  await expect(cartLink(page, "Cart, 2 items")).toBeVisible();

  await line.getByLabel("Quantity").fill("3");
  await line.getByRole("button", { name: "Update quantity of Insulated Water Bottle" }).click();
  await expect(line.getByRole("status")).toHaveText("Quantity updated.");
  await expect(cartLink(page, "Cart, 3 items")).toBeVisible();
  await expect(line.getByLabel("Quantity")).toHaveValue("3");
  const unit = Number((await line.getByText(/ each$/).textContent())?.replace(/[^0-9.]/g, ""));
  await expect(line.getByText(`$${(unit * 3).toFixed(2)}`, { exact: true })).toBeVisible();

  await line.getByRole("button", { name: "Remove Insulated Water Bottle" }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await expect(cartLink(page, "Cart")).toBeVisible();
});

test("a product out of stock offers no add-to-cart form", async ({ page }) => {
  await page.goto("/products/bookshelf-speaker-pair");
  await expect(page.getByText("Out of stock", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
});

test("more than the product allows is refused on the product page", async ({ page }) => {
  await page.goto("/products/insulated-water-bottle");
  await page.getByLabel("Quantity").fill("11");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("You can order at most 10 of this product.")).toBeVisible();
  await expect(page.getByLabel("Quantity")).toHaveValue("11");
  await expect(cartLink(page, "Cart")).toBeVisible();
});

test("a guest cart joins the account's cart at sign-in", async ({ page }) => {
  const identity = await verifiedCustomer();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  await addToCart(page, "true-wireless-earbuds", 1);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out/);

  // Signed out: a fresh guest cart, which the account does not show yet.
  await expect(cartLink(page, "Cart")).toBeVisible();
  await addToCart(page, "true-wireless-earbuds", 2);
  await addToCart(page, "rechargeable-headlamp", 1);
  await expect(cartLink(page, "Cart, 3 items")).toBeVisible();

  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  await expect(cartLink(page, "Cart, 4 items")).toBeVisible();
  expect(await quantities(page)).toEqual({ "True Wireless Earbuds": "3", "Rechargeable Headlamp": "1" });

  // The first cart change after the merge drops the guest cookie, whose cart no longer exists.
  expect((await page.context().cookies()).some((c) => c.name.endsWith("shop.cart"))).toBe(true);
  const headlamp = cartLines(page).filter({ hasText: "Rechargeable Headlamp" });
  await headlamp.getByLabel("Quantity").fill("2");
  await headlamp.getByRole("button", { name: "Update quantity of Rechargeable Headlamp" }).click();
  await expect(cartLink(page, "Cart, 5 items")).toBeVisible();
  expect((await page.context().cookies()).some((c) => c.name.endsWith("shop.cart"))).toBe(false);

  // The account keeps its cart across sign-out and sign-in.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(cartLink(page, "Cart")).toBeVisible();
  await signIn(page, identity);
  await expect(page).toHaveURL(/\/account$/);
  await expect(cartLink(page, "Cart, 5 items")).toBeVisible();
});

test("the cart fits a 375 px screen, with 44 px controls @mobile", async ({ page }) => {
  await addToCart(page, "insulated-water-bottle", 1);
  await page.goto("/cart");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const line = cartLines(page);
  const controls = [
    line.getByLabel("Quantity"),
    line.getByRole("button", { name: /^Update/ }),
    line.getByRole("button", { name: /^Remove/ }),
    page.getByRole("link", { name: "Sign in to check out" }),
    page.getByRole("link", { name: "Check out as guest" }),
  ];
  for (const control of controls) expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the cart forms still work as plain form posts", async ({ page }) => {
    await page.goto("/products/rechargeable-headlamp");
    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status")).toContainText("Added to your cart. You now have 2 of these.");
    await expect(cartLink(page, "Cart, 2 items")).toBeVisible();

    await page.goto("/cart");
    const line = cartLines(page);
    await line.getByLabel("Quantity").fill("4");
    await line.getByRole("button", { name: "Update quantity of Rechargeable Headlamp" }).click();
    await expect(cartLink(page, "Cart, 4 items")).toBeVisible();
    await cartLines(page).getByRole("button", { name: "Remove Rechargeable Headlamp" }).click();
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
  });
});
