import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { addItem, removeItem, setItem } from "@/lib/api/v1/cart-handlers";
import { showProduct } from "@/lib/api/v1/catalog-handlers";
import { apiTestSupport } from "@/lib/oauth/api-test-support";

requireTestDatabaseUrl();

const { call, problemOf, customerWithApp, createProduct, fillCart } = apiTestSupport();

describe("/api/v1 cart", () => {
  it("adds, changes and removes lines of the customer's server-side cart; prices come from the database", async () => {
    const { token } = await customerWithApp();
    const product = await createProduct({ priceMinor: 1999 });
    const slug = (await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { slug: true } })).slug;
    const added = await call(addItem, "/api/v1/cart/items", { token, body: { productSlug: slug, quantity: 2 } });
    expect(added.status).toBe(201);
    const cart = (await added.json()) as { lines: { id: string; quantity: number; unitPrice: { amountMinor: number } }[] };
    expect(cart.lines[0]?.unitPrice.amountMinor).toBe(1999);
    const itemId = cart.lines[0]?.id ?? "";
    const changed = await call(setItem, `/api/v1/cart/items/${itemId}`, { token, method: "PATCH", body: { quantity: 3 }, params: { itemId } });
    expect(((await changed.json()) as { lines: { quantity: number }[] }).lines[0]?.quantity).toBe(3);
    const removed = await call(removeItem, `/api/v1/cart/items/${itemId}`, { token, method: "DELETE", params: { itemId } });
    expect(((await removed.json()) as { lines: unknown[] }).lines).toHaveLength(0);
  });

  it("adds the variant with the chosen option values; a combination the product does not have is a 404", async () => {
    const { token, userId } = await customerWithApp();
    const product = await createProduct({ priceMinor: 2000 });
    await db.productOption.create({ data: { productId: product.id, name: "Size", values: ["S", "M"], position: 0 } });
    await db.productVariant.update({ where: { id: product.variantId }, data: { optionValues: ["S"] } });
    await db.productVariant.create({ data: { productId: product.id, sku: `${product.slug}-M`.toUpperCase(), optionValues: ["M"], priceMinor: 2600, stock: 3, position: 1 } });
    const detail = await call(showProduct, `/api/v1/products/${product.slug}`, { params: { slug: product.slug } });
    const shown = (await detail.json()) as { options: unknown; variants: { optionValues: string[]; price: { amountMinor: number } }[] };
    expect(shown.options).toEqual([{ name: "Size", values: ["S", "M"] }]);
    expect(shown.variants.map((variant) => [variant.optionValues, variant.price.amountMinor])).toEqual([[["S"], 2000], [["M"], 2600]]);

    const added = await call(addItem, "/api/v1/cart/items", { token, body: { productSlug: product.slug, options: ["M"], quantity: 1 } });
    expect(added.status).toBe(201);
    expect(((await added.json()) as { lines: { variantTitle: string; unitPrice: { amountMinor: number } }[] }).lines).toMatchObject([
      { variantTitle: "Size: M", unitPrice: { amountMinor: 2600 } },
    ]);
    for (const options of [["L"], [], ["M", "Red"]]) {
      expect((await call(addItem, "/api/v1/cart/items", { token, body: { productSlug: product.slug, options, quantity: 1 } })).status, options.join()).toBe(404);
    }
    await expect(db.cartItem.count({ where: { cart: { userId } } })).resolves.toBe(1);
  });

  it("cannot touch another customer's cart line (IDOR): 404, and the line is unchanged", async () => {
    const victim = await customerWithApp();
    const attacker = await customerWithApp();
    const product = await createProduct();
    await fillCart(victim.userId, [{ variantId: product.variantId, quantity: 1 }]);
    const line = await db.cartItem.findFirstOrThrow({ where: { cart: { userId: victim.userId } }, select: { id: true } });
    const patch = await call(setItem, "/api/v1/cart/items/x", { token: attacker.token, method: "PATCH", body: { quantity: 9 }, params: { itemId: line.id } });
    expect(patch.status).toBe(404);
    const del = await call(removeItem, "/api/v1/cart/items/x", { token: attacker.token, method: "DELETE", params: { itemId: line.id } });
    expect(del.status).toBe(404);
    await expect(db.cartItem.findUniqueOrThrow({ where: { id: line.id }, select: { quantity: true } })).resolves.toEqual({ quantity: 1 });
  });

  it("refuses bad bodies with the right problem: not JSON, malformed, oversized, invalid or with a price (mass assignment)", async () => {
    const { token, userId } = await customerWithApp();
    const product = await createProduct();
    const slug = (await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { slug: true } })).slug;
    expect((await call(addItem, "/api/v1/cart/items", { token, raw: "productSlug=x", type: "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await call(addItem, "/api/v1/cart/items", { token, raw: "{" })).status).toBe(400);
    const big = await call(addItem, "/api/v1/cart/items", { token, raw: JSON.stringify({ productSlug: slug, quantity: 1, pad: "x".repeat(20_000) }) });
    expect(big.status).toBe(413);
    expect((await problemOf(big)).type).toBe("urn:shop:problem:payload-too-large");
    const invalid = await call(addItem, "/api/v1/cart/items", { token, body: { productSlug: slug, quantity: 0 } });
    expect(invalid.status).toBe(422);
    expect((await problemOf(invalid)).errors?.quantity).toBeDefined();
    const priced = await call(addItem, "/api/v1/cart/items", { token, body: { productSlug: slug, quantity: 1, unitPriceMinor: 1 } });
    expect(priced.status).toBe(422);
    await expect(db.cartItem.count({ where: { cart: { userId } } })).resolves.toBe(0);
  });
});
