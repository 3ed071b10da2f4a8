import "server-only";
import sharp from "sharp";
import { ACCEPTED_IMAGE_LABEL, MAX_IMAGE_EDGE, MAX_IMAGE_UPLOAD_BYTES, MAX_IMAGE_UPLOAD_LABEL, MAX_INPUT_PIXELS } from "./image-limits";
import { sniffImageType } from "./sniff-image-type";

/** Why an upload was refused. */
export const ImageUploadError = {
  empty: "empty",
  tooLarge: "too_large",
  notAnImage: "not_an_image",
  tooManyPixels: "too_many_pixels",
  unreadable: "unreadable",
} as const;

export type ImageUploadErrorCode = (typeof ImageUploadError)[keyof typeof ImageUploadError];

/** What a person is told for each refusal (never the decoder's own message). */
export const imageUploadMessages: Readonly<Record<ImageUploadErrorCode, string>> = {
  [ImageUploadError.empty]: "Choose an image file to upload.",
  [ImageUploadError.tooLarge]: `The image is larger than ${MAX_IMAGE_UPLOAD_LABEL}. Choose a smaller file.`,
  [ImageUploadError.notAnImage]: `This file is not a ${ACCEPTED_IMAGE_LABEL} image.`,
  [ImageUploadError.tooManyPixels]: `The image's dimensions are too large (at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels).`,
  [ImageUploadError.unreadable]: "The image could not be read: it may be damaged.",
};

/** An image as it is stored and served: re-encoded by the server, never the uploaded bytes. */
export type ReencodedImage = { contentType: "image/webp"; bytes: Uint8Array<ArrayBuffer>; width: number; height: number };

export type ReencodeResult = { ok: true; image: ReencodedImage } | { ok: false; code: ImageUploadErrorCode };

const decoderOptions = {
  // Refuses decompression bombs before their pixels are allocated.
  limitInputPixels: MAX_INPUT_PIXELS,
  failOn: "error",
  // Only the first frame of an animation is kept.
  animated: false,
} as const;

/**
 * Checks an upload and re-encodes it as WebP, at most MAX_IMAGE_EDGE pixels a
 * side. The type is decided by the content's magic bytes and must match what
 * the decoder finds. Re-encoding keeps pixels only: EXIF (camera, GPS), ICC
 * and XMP metadata, comments and anything appended after the image data are
 * dropped, so what is served cannot carry what the uploader hid in the file.
 */
export async function reencodeProductImage(upload: Uint8Array): Promise<ReencodeResult> {
  if (upload.byteLength === 0) return { ok: false, code: ImageUploadError.empty };
  if (upload.byteLength > MAX_IMAGE_UPLOAD_BYTES) return { ok: false, code: ImageUploadError.tooLarge };
  const sniffed = sniffImageType(upload);
  if (!sniffed) return { ok: false, code: ImageUploadError.notAnImage };
  try {
    const metadata = await sharp(upload, decoderOptions).metadata();
    if (metadata.format !== sniffed) return { ok: false, code: ImageUploadError.notAnImage };
    if (!metadata.width || !metadata.height) return { ok: false, code: ImageUploadError.unreadable };
    if (metadata.width * metadata.height > MAX_INPUT_PIXELS) return { ok: false, code: ImageUploadError.tooManyPixels };
    const { data, info } = await sharp(upload, { ...decoderOptions, autoOrient: true })
      .resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .timeout({ seconds: 15 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, image: { contentType: "image/webp", bytes: new Uint8Array(data), width: info.width, height: info.height } };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) return { ok: false, code: ImageUploadError.tooManyPixels };
    return { ok: false, code: ImageUploadError.unreadable };
  }
}
