import { MAX_IMAGE_UPLOAD_BYTES } from "@/lib/images/image-limits";
import { isBearerApiPath } from "./bearer-api-paths";

/**
 * How large a request body the shop's HTTP server lets through to Next. Server
 * Action bodies are bounded here, per path, because Next's own limit
 * (next.config.js `serverActions.bodySizeLimit`) is one number for every
 * action and answers an oversized body with a 500. Pure, because the server
 * process loads it outside React's server environment.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** The image upload's limit: the largest image plus room for the multipart envelope and the form's other fields. */
export const IMAGE_UPLOAD_BODY_LIMIT_BYTES = MAX_IMAGE_UPLOAD_BYTES + 1024 * 1024;

// The product editor posts the image upload action to its own page, /admin/products/<id>.
const imageUploadPage = /^\/admin\/products\/[A-Za-z0-9_-]{1,40}\/?$/;

// The admin's catalog import streams the CSV file itself as the body (app/admin/products/import/upload).
const catalogImportUpload = /^\/admin\/products\/import\/upload\/?$/;

/** The catalog file's limit: 64 MB, about 250,000 rows (MAX_CATALOG_UPLOAD_BYTES checks the bytes themselves). */
export const CATALOG_IMPORT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/** The app's JSON API and OAuth forms: the largest real body (a cart line, an address) is under 2 KB. */
export const API_BODY_LIMIT_BYTES = 16 * 1024;

/** The largest body accepted for a request to `pathname`: only the product editor and the catalog import take more than 1 MB, the app's API far less. */
export function requestBodyLimit(pathname: string): number {
  if (isBearerApiPath(pathname)) return API_BODY_LIMIT_BYTES;
  if (catalogImportUpload.test(pathname)) return CATALOG_IMPORT_BODY_LIMIT_BYTES;
  return imageUploadPage.test(pathname) ? IMAGE_UPLOAD_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES;
}

/**
 * The refusal status for a request's body, or null when it may pass: 413 when
 * its declared length is over the path's limit, 411 when it streams a body
 * without declaring a length (Node's parser never lets a body run past its
 * Content-Length, so the declared length is the one that counts).
 */
export function bodyRefusal(headers: { "content-length"?: string; "transfer-encoding"?: string }, pathname: string): 411 | 413 | null {
  if (headers["transfer-encoding"] !== undefined) return 411;
  const declared = headers["content-length"];
  if (declared === undefined) return null;
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return 413;
  return length > requestBodyLimit(pathname) ? 413 : null;
}
