/**
 * Limits of an uploaded product image, shared by the upload form (a courtesy
 * check before sending; a client component, so this module is not
 * server-only) and the server (the check that counts).
 */

/** The largest file accepted, before decoding. next.config.js lets Server Action bodies be a little larger. */
export const MAX_IMAGE_UPLOAD_BYTES = 2 * 1024 * 1024;

export const MAX_IMAGE_UPLOAD_LABEL = "2 MB";

/** Stored images fit in this square (px); smaller images are never enlarged. */
export const MAX_IMAGE_EDGE = 1600;

/**
 * The most pixels an upload may decode to (width × height). A few kilobytes of
 * PNG can declare a 50,000 × 50,000 canvas (a decompression bomb); 25 megapixels
 * covers any real product photo and bounds decoding memory to about 100 MB.
 */
export const MAX_INPUT_PIXELS = 25_000_000;

/** The types an upload may be, recognised by their first bytes, never by name or browser claim. */
export const ACCEPTED_IMAGE_LABEL = "PNG, JPEG or WebP";
