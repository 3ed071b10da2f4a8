/**
 * Seeds the demo catalog (and its discount code, shipping zones and tax rates). Idempotent: creates what is missing and leaves
 * existing rows alone, so restarting the demo never resets stock or edits.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedCategories, seedProducts } from "./catalog-data";
import { seedProductOptions, seedSku } from "./variant-data";
import { seedDiscountCodes } from "./seed-discounts";
import { seedGallery } from "./seed-gallery";
import { seedShipping } from "./seed-shipping";

export async function seedCatalog(databaseUrl: string): Promise<{ categories: number; products: number }> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const categoryIds = new Map<string, string>();
    for (const category of seedCategories) {
      const row = await db.category.upsert({
        where: { slug: category.slug },
        create: category,
        update: {},
        select: { id: true },
      });
      categoryIds.set(category.slug, row.id);
    }
    for (const { categorySlug, stock, weightGrams, ...product } of seedProducts) {
      const categoryId = categoryIds.get(categorySlug);
      if (!categoryId) throw new Error(`Seed product ${product.slug} names unknown category ${categorySlug}`);
      const choices = seedProductOptions[product.slug];
      const variants = choices
        ? choices.variants.map((variant, position) => ({
            sku: seedSku(product.slug, variant.values),
            optionValues: variant.values,
            priceMinor: variant.priceMinor ?? product.priceMinor,
            compareAtPriceMinor: variant.compareAtPriceMinor ?? null,
            stock: variant.stock,
            weightGrams,
            position,
          }))
        : [{ sku: seedSku(product.slug, []), optionValues: [], priceMinor: product.priceMinor, stock, weightGrams, position: 0 }];
      const options = (choices?.options ?? []).map((option, position) => ({ ...option, position }));
      // The listing price is the lowest variant's (lib/dal/catalog/variant-prices.ts keeps it so for staff edits).
      const priceMinor = Math.min(...variants.map((variant) => variant.priceMinor));
      await db.product.upsert({
        where: { slug: product.slug },
        create: { ...product, priceMinor, categoryId, options: { create: options }, variants: { create: variants } },
        update: {},
      });
    }
    await seedGallery(db);
    await seedDiscountCodes(db);
    await seedShipping(db);
    return { categories: seedCategories.length, products: seedProducts.length };
  } finally {
    await db.$disconnect();
  }
}
