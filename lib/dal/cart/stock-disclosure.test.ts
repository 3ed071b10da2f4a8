import { describe, expect, it } from "vitest";
import { updateTestVariant } from "@/lib/dal/catalog/test-products";
import { CartErrorCode } from "@/lib/cart/cart-errors";
import { CartProblemCode } from "@/lib/cart/line-problems";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { getProduct } from "@/lib/dal/catalog/products";
import { addCartItem, getCartView } from "./cart";
import { cartFixtures } from "./test-fixtures";

requireTestDatabaseUrl();

const { product, guestWith } = cartFixtures();

/** Whether `value` states `count`: as a number, or as a word in any text but the random ids and slugs. */
function statesCount(value: unknown, count: number, key = ""): boolean {
  if (typeof value === "number") return value === count;
  if (typeof value === "string") return !["id", "slug", "imagePath"].includes(key) && new RegExp(`\\b${count}\\b`).test(value);
  if (Array.isArray(value)) return value.some((item) => statesCount(item, count));
  if (value && typeof value === "object") return Object.entries(value).some(([name, item]) => statesCount(item, count, name));
  return false;
}

/*
 * The stock count is internal (schema.prisma); customers see only the public
 * rule's availability (lib/catalog/stock-availability.ts): a count at or below
 * five, never a larger one, in DTOs and messages alike.
 */
describe("what customers learn of the stock count", () => {
  it("the add-to-cart limit shows a low count, never a larger one", async () => {
    const plenty = await product({ stock: 37, maxPerOrder: 50 });
    const few = await product({ stock: 3, maxPerOrder: 50 });
    const offered = async (slug: string) => (await getProduct(slug))?.variants.map((variant) => variant.maxQuantity);
    expect(await offered(plenty.slug)).toEqual([50]);
    expect(await offered(few.slug)).toEqual([3]);
  });

  it("refusing too many units does not name a larger count", async () => {
    const plenty = await product({ stock: 37, maxPerOrder: 50 });
    const refusal = await addCartItem(await guestWith(plenty.variantId, 1), { variantId: plenty.variantId, quantity: 40 });
    expect(refusal).toMatchObject({ ok: false, code: CartErrorCode.overStock, message: "Not that many are in stock. You already have 1 in your cart." });
    expect(statesCount(refusal, 37)).toBe(false);
  });

  it("a cart line over the stock says so without the count, and keeps the per-order limit", async () => {
    const plenty = await product({ stock: 50, maxPerOrder: 50 });
    const shopper = await guestWith(plenty.variantId, 45);
    await updateTestVariant(plenty.variantId, { stock: 37 });
    const view = await getCartView(shopper);
    expect(view.lines[0]).toMatchObject({
      maxQuantity: 50,
      problem: { code: CartProblemCode.fewerLeft, message: "Not that many are in stock. Lower the quantity to check out." },
    });
    expect(statesCount(view, 37)).toBe(false);
  });
});
