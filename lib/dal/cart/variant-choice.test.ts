import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { CartErrorCode } from "@/lib/cart/cart-errors";
import { addCartItem } from "./cart";
import { chooseVariant } from "./variant-choice";
import { cartFixtures, guest } from "./test-fixtures";

requireTestDatabaseUrl();

const { product } = cartFixtures();

/** A product with a Colour option: Black and Red variants. */
async function colouredProduct() {
  const base = await product();
  await db.productOption.create({ data: { productId: base.id, name: "Colour", values: ["Black", "Red"], position: 0 } });
  await db.productVariant.update({ where: { id: base.variantId }, data: { optionValues: ["Black"] } });
  const red = await db.productVariant.create({
    data: { productId: base.id, sku: `${base.slug}-red`.toUpperCase(), optionValues: ["Red"], priceMinor: 1500, stock: 5, position: 1 },
    select: { id: true },
  });
  return { ...base, blackId: base.variantId, redId: red.id };
}

describe("chooseVariant", () => {
  it("finds the variant with exactly the chosen values, by product id or slug", async () => {
    const shirt = await colouredProduct();
    expect(await chooseVariant({ productId: shirt.id }, ["Red"])).toBe(shirt.redId);
    expect(await chooseVariant({ productSlug: shirt.slug }, ["Black"])).toBe(shirt.blackId);
  });

  it("finds nothing for a missing, extra or unknown value, another product's values, an archived variant or an unpublished product", async () => {
    const shirt = await colouredProduct();
    const plain = await product();
    expect(await chooseVariant({ productId: shirt.id }, [])).toBeNull();
    expect(await chooseVariant({ productId: shirt.id }, ["Red", "XL"])).toBeNull();
    expect(await chooseVariant({ productId: shirt.id }, ["Green"])).toBeNull();
    expect(await chooseVariant({ productId: plain.id }, ["Red"])).toBeNull();
    expect(await chooseVariant({ productId: plain.id }, [])).toBe(plain.variantId);
    await db.productVariant.update({ where: { id: shirt.redId }, data: { archivedAt: new Date() } });
    expect(await chooseVariant({ productId: shirt.id }, ["Red"])).toBeNull();
    await db.product.update({ where: { id: shirt.id }, data: { published: false } });
    expect(await chooseVariant({ productId: shirt.id }, ["Black"])).toBeNull();
  });
});

describe("adding a variant to the cart", () => {
  it("keeps two variants of one product as two lines", async () => {
    const shirt = await colouredProduct();
    const first = await addCartItem(guest(), { variantId: shirt.blackId, quantity: 1 });
    if (!first.ok || !first.guestToken) throw new Error("expected a new guest cart");
    const shopper = guest(first.guestToken);
    expect(await addCartItem(shopper, { variantId: shirt.redId, quantity: 2 })).toMatchObject({ ok: true, quantity: 2 });
    const lines = await db.cartItem.findMany({ where: { variant: { productId: shirt.id } }, select: { variantId: true, quantity: true }, orderBy: { quantity: "asc" } });
    expect(lines).toEqual([
      { variantId: shirt.blackId, quantity: 1 },
      { variantId: shirt.redId, quantity: 2 },
    ]);
  });

  it("refuses an archived variant, and the cart shows an archived one already in it as unavailable", async () => {
    const shirt = await colouredProduct();
    const added = await addCartItem(guest(), { variantId: shirt.redId, quantity: 1 });
    if (!added.ok || !added.guestToken) throw new Error("expected a new guest cart");
    await db.productVariant.update({ where: { id: shirt.redId }, data: { archivedAt: new Date() } });
    expect(await addCartItem(guest(added.guestToken), { variantId: shirt.redId, quantity: 1 })).toMatchObject({ ok: false, code: CartErrorCode.productUnavailable });
    const { getCartView } = await import("./cart");
    const view = await getCartView(guest(added.guestToken));
    expect(view.lines[0]).toMatchObject({ variantTitle: "Colour: Red", problem: { code: "unavailable" }, maxQuantity: 0 });
    expect(view.hasProblems).toBe(true);
  });
});
