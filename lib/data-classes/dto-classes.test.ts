import { describe, expect, it } from "vitest";
import type { CustomerAccountOverviewDTO } from "@/lib/dal/accounts/settings";
import type { CustomerCartDTO, CustomerCartLineDTO } from "@/lib/dal/cart/cart";
import {
  type PublicCategoryDTO,
  type PublicProductDTO,
  type PublicProductPageDTO,
  type PublicVariantDTO,
  publicCategorySelect,
  publicProductSelect,
  toPublicProduct,
} from "@/lib/dal/catalog/dto";
import type { PublicSitemapCategoryDTO, PublicSitemapProductDTO } from "@/lib/dal/catalog/sitemap";
import type { CustomerSessionDTO } from "@/lib/dal/sessions/my-sessions";
import type { CustomerTwoFactorStatusDTO } from "@/lib/dal/two-factor/settings";
import { type DtoMapping, dtoClassViolations } from "./dto-audience";
import { customerCheckoutLine, customerCheckoutOption, customerOrder, customerOrderLine, customerOrderSummary } from "@/lib/dal/orders/dto-mappings";
import { customerSecurityActivity } from "@/lib/dal/sessions/dto-mappings";
import { publicProductImage } from "@/lib/dal/catalog/gallery-dto-mappings";
import { dataClasses } from "./schema-classes";

/*
 * The mapping table: every key of every browser DTO, with the schema columns
 * it is built from. The mapped types make tsc fail when a DTO gains or loses a
 * key without this table following.
 */
const publicProduct: DtoMapping<PublicProductDTO> = {
  dto: "PublicProductDTO",
  audience: "public",
  keys: {
    slug: { fields: ["Product.slug"] },
    name: { fields: ["Product.name"] },
    description: { fields: ["Product.description"] },
    price: { fields: ["Product.priceMinor", "Product.currency"] },
    priceVaries: { fields: ["ProductVariant.priceMinor"], derived: "whether the variants on sale differ in price" },
    imagePath: { fields: ["Product.imagePath"] },
    inStock: { fields: ["ProductVariant.stock"], derived: "any variant's stock > 0: whether, never how many (the count is internal)" },
    category: { fields: ["Category.slug", "Category.name"] },
  },
};

const publicProductPage: DtoMapping<PublicProductPageDTO> = {
  dto: "PublicProductPageDTO",
  audience: "public",
  keys: {
    ...publicProduct.keys,
    id: { fields: ["Product.id"] },
    metaTitle: { fields: ["Product.metaTitle"] },
    metaDescription: { fields: ["Product.metaDescription"] },
    options: { fields: ["ProductOption.name", "ProductOption.values"] },
    variants: { fields: [], derived: "PublicVariantDTOs, mapped on their own" },
  },
};

const publicVariant: DtoMapping<PublicVariantDTO> = {
  dto: "PublicVariantDTO",
  audience: "public",
  keys: {
    id: { fields: ["ProductVariant.id"] },
    sku: { fields: ["ProductVariant.sku"] },
    optionValues: { fields: ["ProductVariant.optionValues"] },
    price: { fields: ["ProductVariant.priceMinor", "Product.currency"] },
    compareAtPrice: { fields: ["ProductVariant.compareAtPriceMinor", "Product.currency"] },
    availability: { fields: ["ProductVariant.stock"], derived: "in stock, only N left when N is low, or out of stock: lib/catalog/stock-availability.ts" },
    // The quantity field's limit; it shows a low stock ("up to 3"), as the cart's "only 3 left" does, never a larger count.
    maxQuantity: {
      fields: ["ProductVariant.stock", "ProductVariant.maxPerOrder"],
      derived: "min(maxPerOrder, stock when at most LOW_STOCK_THRESHOLD): lib/catalog/stock-availability.ts",
    },
  },
};

const publicCategory: DtoMapping<PublicCategoryDTO> = {
  dto: "PublicCategoryDTO",
  audience: "public",
  keys: {
    slug: { fields: ["Category.slug"] },
    name: { fields: ["Category.name"] },
    description: { fields: ["Category.description"] },
    metaTitle: { fields: ["Category.metaTitle"] },
    metaDescription: { fields: ["Category.metaDescription"] },
  },
};

// The sitemap says on which day a public page last changed, never the time: updatedAt also moves with stock.
const publicSitemapProduct: DtoMapping<PublicSitemapProductDTO> = {
  dto: "PublicSitemapProductDTO",
  audience: "public",
  keys: {
    slug: { fields: ["Product.slug"] },
    lastModified: { fields: ["Product.updatedAt"], derived: "the UTC day of the last change, never the time" },
  },
};

const publicSitemapCategory: DtoMapping<PublicSitemapCategoryDTO> = {
  dto: "PublicSitemapCategoryDTO",
  audience: "public",
  keys: {
    slug: { fields: ["Category.slug"] },
    lastModified: { fields: ["Product.updatedAt"], derived: "the UTC day its latest published product changed" },
  },
};

const customerSession: DtoMapping<CustomerSessionDTO> = {
  dto: "CustomerSessionDTO",
  audience: "owner",
  keys: {
    id: { fields: ["Session.id"] },
    current: { fields: ["Session.id"], derived: "whether it is the viewer's own session" },
    app: { fields: ["Session.clientId"], derived: "whether an app (OAuth client) opened it" },
    persistent: { fields: ["Session.persistent"] },
    createdAt: { fields: ["Session.createdAt"] },
    lastSeenAt: { fields: ["Session.lastSeenAt"] },
    ip: { fields: ["Session.ip"] },
    userAgent: { fields: ["Session.userAgent"] },
  },
};

const customerTwoFactorStatus: DtoMapping<CustomerTwoFactorStatusDTO> = {
  dto: "CustomerTwoFactorStatusDTO",
  audience: "owner",
  keys: {
    enabled: { fields: ["User.totpEnabledAt"], derived: "totpEnabledAt !== null" },
    recoveryCodesLeft: { fields: ["RecoveryCode.usedAt"], derived: "a count of unused codes, never the codes" },
    // The one documented exception: TOTP enrolment means showing the owner the pending
    // secret (as text and in the QR code, with their email as the account name). It is
    // null once two-factor is on or enrolment is cancelled; the confirmed secret never leaves.
    enrollment: {
      fields: ["User.totpPendingSecret", "User.email"],
      exception: "the pending TOTP secret, shown to its owner only while enrolling",
    },
  },
};

const customerAccountOverview: DtoMapping<CustomerAccountOverviewDTO> = {
  dto: "CustomerAccountOverviewDTO",
  audience: "owner",
  keys: {
    name: { fields: ["User.name"] },
    email: { fields: ["User.email"] },
    emailVerified: { fields: ["User.emailVerifiedAt"], derived: "emailVerifiedAt !== null" },
    memberSince: { fields: ["User.createdAt"] },
  },
};

// A cart's owner is whoever holds it: the signed-in customer, or the browser with the guest cart cookie.
const customerCartLine: DtoMapping<CustomerCartLineDTO> = {
  dto: "CustomerCartLineDTO",
  audience: "owner",
  keys: {
    id: { fields: ["CartItem.id"] },
    slug: { fields: ["Product.slug"] },
    name: { fields: ["Product.name"] },
    variantTitle: { fields: ["ProductOption.name", "ProductVariant.optionValues"], derived: "each option's name with the variant's value" },
    sku: { fields: ["ProductVariant.sku"] },
    imagePath: { fields: ["Product.imagePath"] },
    unitPrice: { fields: ["ProductVariant.priceMinor", "Product.currency"] },
    quantity: { fields: ["CartItem.quantity"] },
    lineTotal: { fields: ["ProductVariant.priceMinor", "Product.currency", "CartItem.quantity"], derived: "price times quantity" },
    maxQuantity: {
      fields: ["ProductVariant.stock", "ProductVariant.maxPerOrder", "ProductVariant.archivedAt", "Product.published"],
      derived: "the most the line may hold now; stock limits it only when low (the public stock rule)",
    },
    problem: {
      fields: ["ProductVariant.stock", "ProductVariant.maxPerOrder", "ProductVariant.archivedAt", "Product.published", "CartItem.quantity"],
      derived: "why the line cannot be bought as it is",
    },
  },
};

const customerCart: DtoMapping<CustomerCartDTO> = {
  dto: "CustomerCartDTO",
  audience: "owner",
  keys: {
    lines: { fields: [], derived: "CartLineDTOs, mapped on their own" },
    itemCount: { fields: ["CartItem.quantity"], derived: "a sum of quantities" },
    subtotals: { fields: ["ProductVariant.priceMinor", "Product.currency", "CartItem.quantity"], derived: "sums of line totals" },
    hasProblems: { fields: ["ProductVariant.stock", "ProductVariant.maxPerOrder", "ProductVariant.archivedAt", "Product.published"], derived: "whether any line has a problem" },
  },
};

const browserDtos = [
  publicProduct,
  publicProductImage,
  publicCategory,
  publicSitemapProduct,
  publicSitemapCategory,
  customerSession,
  customerSecurityActivity,
  customerTwoFactorStatus,
  customerAccountOverview,
  customerCartLine,
  customerCart,
  publicProductPage,
  publicVariant,
  customerOrderSummary,
  customerOrderLine,
  customerOrder,
  customerCheckoutLine,
  customerCheckoutOption,
];

describe("browser DTOs by data class", () => {
  it.each(browserDtos.map((mapping) => [mapping.dto, mapping] as const))("%s keeps its audience's rule", (_, mapping) => {
    const violations = dtoClassViolations(mapping, dataClasses);
    expect(violations, violations.join("\n")).toEqual([]);
  });

  it.each(browserDtos.map((mapping) => [mapping.dto, mapping] as const))("%s is named for its audience", (_, mapping) => {
    expect(mapping.dto.startsWith(mapping.audience === "public" ? "Public" : "Customer")).toBe(true);
  });

  it("has no confidential field in any browser DTO except the documented enrolment secret", () => {
    const confidential = browserDtos.flatMap((mapping) =>
      Object.entries(mapping.keys as Record<string, { fields: readonly string[]; exception?: string }>).flatMap(
        ([key, source]) =>
          source.fields
            .filter((name) => dataClasses.classOf(...(name.split(".") as [string, string])) === "confidential")
            .map((name) => `${mapping.dto}.${key} <- ${name}${source.exception ? " (exception)" : ""}`),
      ),
    );
    expect(confidential).toEqual(["CustomerTwoFactorStatusDTO.enrollment <- User.totpPendingSecret (exception)"]);
  });

  it("maps the keys a PublicProductDTO really has, and every column its query selects", () => {
    const dto = toPublicProduct({
      ...{ slug: "s", name: "n", description: "d", priceMinor: 100, currency: "USD", imagePath: "/p.svg", variants: [] },
      category: { slug: "c", name: "C" },
    });
    expect(Object.keys(dto).sort()).toEqual(Object.keys(publicProduct.keys).sort());
    const mapped = new Set(Object.values(publicProduct.keys).flatMap((source) => source.fields));
    const selected = new Set(
      Object.keys(publicProductSelect).flatMap((key) => {
        if (key === "category") return ["Category.slug", "Category.name"];
        if (key === "variants") return Object.keys(publicProductSelect.variants.select).map((field) => `ProductVariant.${field}`);
        return [`Product.${key}`];
      }),
    );
    expect([...mapped].sort()).toEqual([...selected].sort());
    expect(Object.keys(publicCategorySelect).map((key) => `Category.${key}`).sort()).toEqual(
      Object.values(publicCategory.keys).flatMap((source) => source.fields).sort(),
    );
  });
});
