import "server-only";
import sharp from "sharp";
import { MAX_INPUT_PIXELS } from "./image-limits";
import { PRODUCT_IMAGE_WIDTHS, type ProductImageWidth } from "./image-widths";
import type { ReencodedImage } from "./reencode-product-image";

/** One stored width of a product image. */
export type ProductImageRenditionData = { width: ProductImageWidth; height: number; contentType: "image/webp"; bytes: Uint8Array<ArrayBuffer> };

/**
 * The srcset widths of a re-encoded image, made once when it is uploaded so
 * that serving a width is a lookup, never a resize. Only widths narrower than
 * the image are made: a wider one would be an enlargement (more bytes, no more
 * detail), and the route answers such a width with the image itself.
 */
export async function makeProductImageRenditions(image: ReencodedImage): Promise<ProductImageRenditionData[]> {
  const renditions: ProductImageRenditionData[] = [];
  for (const width of PRODUCT_IMAGE_WIDTHS) {
    if (width >= image.width) break;
    const { data, info } = await sharp(image.bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", animated: false })
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 80 })
      .timeout({ seconds: 10 })
      .toBuffer({ resolveWithObject: true });
    renditions.push({ width, height: info.height, contentType: "image/webp", bytes: new Uint8Array(data) });
  }
  return renditions;
}
