/**
 * Seeds the demo catalog (and its discount code, shipping zones and tax rates). Idempotent: creates what is missing and leaves
 * existing rows alone, so restarting the demo never resets stock or edits.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedCategories, seedProducts } from "./catalog-data";
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
    for (const { categorySlug, ...product } of seedProducts) {
      const categoryId = categoryIds.get(categorySlug);
      if (!categoryId) throw new Error(`Seed product ${product.slug} names unknown category ${categorySlug}`);
      await db.product.upsert({ where: { slug: product.slug }, create: { ...product, categoryId }, update: {} });
      // Products seeded before weights existed get theirs; a weight staff set is kept.
      await db.product.updateMany({ where: { slug: product.slug, weightGrams: 0 }, data: { weightGrams: product.weightGrams } });
    }
    await seedGallery(db);
    await seedDiscountCodes(db);
    await seedShipping(db);
    return { categories: seedCategories.length, products: seedProducts.length };
  } finally {
    await db.$disconnect();
  }
}
