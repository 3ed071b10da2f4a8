import "server-only";
import sharp from "sharp";
import { MAX_INPUT_PIXELS } from "./image-limits";
import type { ProductImageWidth } from "./image-widths";

/**
 * A stored product image (WebP the server re-encoded itself, at most
 * MAX_IMAGE_EDGE a side) scaled down to `width`. Never enlarged: an image
 * narrower than `width` comes back as it is, so a larger width never costs more
 * bytes than the original. Only allow-listed widths reach here (image-widths.ts).
 */
export async function resizeProductImage(bytes: Uint8Array<ArrayBuffer>, width: ProductImageWidth): Promise<Uint8Array<ArrayBuffer>> {
  const input = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", animated: false });
  const metadata = await input.metadata();
  if (!metadata.width || metadata.width <= width) return bytes;
  const data = await input.resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).timeout({ seconds: 10 }).toBuffer();
  return new Uint8Array(data);
}
