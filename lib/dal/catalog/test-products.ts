import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { db } from "@/lib/db";

/** What a test product's one variant starts with (a product without options). */
export type TestVariantFields = { priceMinor?: number; stock?: number; maxPerOrder?: number; weightGrams?: number };

export type TestProductFields = TestVariantFields & {
  slug: string;
  name: string;
  categoryId: string;
  description?: string;
  published?: boolean;
  featured?: boolean;
  imagePath?: string;
  currency?: string;
};

/** A product with one variant (no options), its listing price the variant's. The caller deletes it (variants go with it). */
export async function createTestProduct(fields: TestProductFields) {
  const priceMinor = fields.priceMinor ?? 2500;
  const row = await db.product.create({
    data: {
      slug: fields.slug,
      name: fields.name,
      description: fields.description ?? "A product of the tests.",
      priceMinor,
      currency: fields.currency ?? SHOP_CURRENCY,
      published: fields.published ?? true,
      featured: fields.featured ?? false,
      imagePath: fields.imagePath ?? "/products/test.svg",
      categoryId: fields.categoryId,
      variants: {
        create: {
          sku: fields.slug.toUpperCase().slice(0, 64),
          optionValues: [],
          priceMinor,
          stock: fields.stock ?? 20,
          maxPerOrder: fields.maxPerOrder ?? 10,
          weightGrams: fields.weightGrams ?? 0,
        },
      },
    },
    select: { id: true, slug: true, name: true, priceMinor: true, variants: { select: { id: true } } },
  });
  const { variants, ...product } = row;
  const variantId = variants[0]?.id;
  if (!variantId) throw new Error("the product was created without its variant");
  return { ...product, variantId };
}

/** Changes a test variant's stock, limit, weight or price as staff or an import would. */
export async function updateTestVariant(variantId: string, fields: TestVariantFields): Promise<void> {
  await db.productVariant.update({ where: { id: variantId }, data: fields });
}

export const variantStock = async (variantId: string) => (await db.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
