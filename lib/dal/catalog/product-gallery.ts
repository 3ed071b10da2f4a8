import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { productImagePath } from "@/lib/images/product-image-path";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { StaffViewer } from "@/lib/dal/staff/members";

/** One image of a product's gallery as a shopper's page draws it. */
export type PublicProductImageDTO = { src: string; alt: string; width: number; height: number };

/** One gallery image as the admin product editor lists it, with its id for the edit forms. */
export type StaffProductImageDTO = PublicProductImageDTO & { id: string; position: number };

const gallerySelect = { id: true, alt: true, width: true, height: true, position: true } as const;
const galleryOrder = [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] as const;

/**
 * A published product's gallery, cover first. Empty when the product has no
 * uploaded images (a new product's placeholder, or a demo product's static
 * picture): the page then draws Product.imagePath alone.
 */
export const getProductGallery = cache(async (slug: string): Promise<PublicProductImageDTO[]> => {
  const rows = await db.productImage.findMany({ where: { product: { slug, published: true } }, select: gallerySelect, orderBy: [...galleryOrder] });
  return rows.map(({ id, alt, width, height }) => ({ src: productImagePath(id), alt, width, height }));
});

/** A product's gallery for the admin editor (products:read), cover first. */
export async function listStaffProductImages(viewer: StaffViewer, productId: string): Promise<StaffProductImageDTO[]> {
  assertPermission(viewer, "products:read");
  const rows = await db.productImage.findMany({ where: { productId }, select: gallerySelect, orderBy: [...galleryOrder] });
  return rows.map(({ id, alt, width, height, position }) => ({ id, src: productImagePath(id), alt, width, height, position }));
}
