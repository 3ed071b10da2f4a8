import { describe, expect, it } from "vitest";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { updateTestVariant } from "@/lib/dal/catalog/test-products";
import { orderFixtures, testPricingRules } from "./test-fixtures";
import { getCheckoutSummary } from "./checkout";

requireTestDatabaseUrl();

const { createProduct, customer, fillCart } = orderFixtures();

describe("the checkout summary's stock problems", () => {
  it("says a line wants more than is left without telling a count above the low-stock threshold", async () => {
    const buyer = await customer();
    const product = await createProduct({ stock: 20, maxPerOrder: 20 });
    await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 12 }]);
    // Others bought meanwhile: 8 left, more than the public rule ever names.
    await updateTestVariant(product.variantId, { stock: 8 });

    const summary = await getCheckoutSummary(buyer, testPricingRules);
    expect(summary?.ready).toBe(false);
    expect(summary?.lines[0]?.problem).toBe("Not that many are in stock: lower the quantity.");
    expect(summary?.lines[0]?.problem).not.toContain("8");

    // A low count is public: it is named.
    await updateTestVariant(product.variantId, { stock: 3 });
    expect((await getCheckoutSummary(buyer, testPricingRules))?.lines[0]?.problem).toBe("Only 3 left: lower the quantity.");
  });
});
