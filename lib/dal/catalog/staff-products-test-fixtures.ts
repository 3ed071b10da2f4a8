import { randomBytes } from "node:crypto";
import type { StaffRoleName } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createProduct, type FirstVariantFields, type ProductFields } from "./staff-product-save";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { testUsers } from "@/lib/dal/test-users";

export const testAuditContext = { ip: "192.0.2.44", userAgent: "vitest admin products", requestId: "req-admin-products" };

/**
 * Staff members and products for the admin product suites. Products go in the
 * seeded "outdoor" category under unique slugs (suites reading the seeded
 * catalog count the audio category exactly). Afterwards the suite's products
 * are deleted, with their images and adjustments (cascade); audit entries
 * stay, as the append-only log requires.
 */
export function adminProductFixtures() {
  const productIds: string[] = [];
  const users = testUsers({
    defaults: { name: "Catalog Tester", kind: "staff" },
    cleanUp: async () => {
      await db.product.deleteMany({ where: { id: { in: productIds } } });
    },
  });

  /** A real staff account, seen as the DAL sees a signed-in staff member of `role`. */
  async function staff(role: StaffRoleName = "catalog_manager"): Promise<StaffViewer> {
    const user = await users.createUser();
    return { userId: user.id, sessionId: "test", role, name: user.name, email: user.email, reauthenticatedAt: new Date(), policyAccepted: true };
  }

  const uniqueSlug = (prefix = "vitest-admin") => `${prefix}-${randomBytes(6).toString("hex")}`;

  async function outdoorCategoryId(): Promise<string> {
    return (await db.category.findUniqueOrThrow({ where: { slug: "outdoor" }, select: { id: true } })).id;
  }

  async function productFields(overrides: Partial<ProductFields> = {}): Promise<ProductFields> {
    return {
      name: "Vitest Trail Lantern",
      slug: uniqueSlug(),
      description: "A lantern made by the admin product tests.",
      categoryId: await outdoorCategoryId(),
      featured: false,
      metaTitle: null,
      metaDescription: null,
      ...overrides,
    };
  }

  /** A first variant with a SKU no other test uses. */
  const firstVariant = (overrides: Partial<FirstVariantFields> = {}): FirstVariantFields => ({
    sku: uniqueSlug("VT").toUpperCase(),
    priceMinor: 2499,
    compareAtPriceMinor: null,
    maxPerOrder: 5,
    weightGrams: 900,
    ...overrides,
  });

  /** Creates a product and its first variant through the DAL (as a catalog manager) and tracks it for cleanup. */
  async function newProduct(overrides: Partial<ProductFields> = {}, by?: StaffViewer, variant: Partial<FirstVariantFields> = {}) {
    const fields = await productFields(overrides);
    const variantFields = firstVariant(variant);
    const result = await createProduct(by ?? (await staff()), fields, variantFields, testAuditContext);
    if (!result.ok) throw new Error(`could not create a test product: ${result.code}`);
    productIds.push(result.id);
    const { id: variantId } = await db.productVariant.findFirstOrThrow({ where: { productId: result.id }, select: { id: true } });
    return { id: result.id, variantId, ...fields, ...variantFields };
  }

  /** Tracks a product created by the test itself. */
  const track = (id: string) => productIds.push(id);

  const productRow = (id: string) => db.product.findUniqueOrThrow({ where: { id } });

  const auditEntriesOf = (productId: string) =>
    db.auditEntry.findMany({ where: { targetType: "product", targetId: productId }, orderBy: { id: "asc" } });

  return { users, staff, uniqueSlug, outdoorCategoryId, productFields, firstVariant, newProduct, track, productRow, auditEntriesOf };
}
