import "server-only";

/** The image formats a product image may be uploaded as. */
export type SniffedImageType = "png" | "jpeg" | "webp";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46]; // "RIFF"
const WEBP = [0x57, 0x45, 0x42, 0x50]; // "WEBP", at offset 8

function hasBytes(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}

/**
 * The format of an upload judged by its content (its magic bytes), or null.
 * The file name and the browser's Content-Type are chosen by whoever uploads,
 * so they are never consulted: a script or an HTML page renamed `.png` has no
 * PNG signature and is refused here. SVG (which can carry script) and every
 * other format is refused too.
 */
export function sniffImageType(bytes: Uint8Array): SniffedImageType | null {
  if (hasBytes(bytes, PNG_SIGNATURE)) return "png";
  if (hasBytes(bytes, JPEG_SIGNATURE)) return "jpeg";
  if (hasBytes(bytes, RIFF) && hasBytes(bytes, WEBP, 8)) return "webp";
  return null;
}
