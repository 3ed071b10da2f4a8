import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll } from "vitest";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** The keys of a PublicProductDTO, sorted: what a shopper's browser may receive. */
export const PUBLIC_PRODUCT_KEYS = ["category", "description", "imagePath", "inStock", "name", "price", "priceVaries", "slug"];

/**
 * Adds an unpublished (and featured) product to the seeded audio category for
 * the current test file and deletes it afterwards; returns its slug. A DAL
 * query that leaked unpublished products would return it. Also returns the
 * suite's own Prisma client, for checks that read the database directly.
 */
export function addUnpublishedProduct(fields: { name: string; description: string; priceMinor: number }): {
  slug: string;
  prisma: PrismaClient;
} {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireTestDatabaseUrl() }) });
  const slug = `vitest-unpublished-${randomUUID()}`;
  beforeAll(async () => {
    const audio = await prisma.category.findUniqueOrThrow({ where: { slug: "audio" }, select: { id: true } });
    await prisma.product.create({
      data: {
        ...fields,
        slug,
        currency: "USD",
        variants: { create: { sku: slug.toUpperCase(), optionValues: [], priceMinor: fields.priceMinor, stock: 5 } },
        imagePath: "/products/unpublished.svg",
        featured: true,
        published: false,
        categoryId: audio.id,
      },
    });
  });
  afterAll(async () => {
    await prisma.product.deleteMany({ where: { slug } });
    await prisma.$disconnect();
  });
  return { slug, prisma };
}
