import type { ImageUploadErrorCode } from "@/lib/images/reencode-product-image";

/** Why a gallery change was refused (the action layer words them). */
export const ProductImageError = {
  /** The product does not exist (any more). */
  notFound: "not_found",
  /** The image is not one of this product's: deleted meanwhile, or an id of another product. */
  imageNotFound: "image_not_found",
  /** The product already has MAX_PRODUCT_IMAGES images. */
  tooManyImages: "too_many_images",
  /** The alt text is missing, too long or not one line (lib/images/image-alt.ts). */
  invalidAlt: "invalid_alt",
} as const;

export type ProductImageErrorCode = (typeof ProductImageError)[keyof typeof ProductImageError];

export type GalleryChangeResult = { ok: true; imagePath: string } | { ok: false; code: ProductImageErrorCode };

export type ImageUploadResult = { ok: true; imageId: string; imagePath: string } | { ok: false; code: ImageUploadErrorCode | ProductImageErrorCode };
