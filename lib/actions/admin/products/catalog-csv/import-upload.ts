import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { AuditContext } from "@/lib/context/request-context";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { type CatalogImportReport, importCatalog } from "@/lib/dal/catalog/csv/import";
import { catalogCsvSource } from "./read-catalog-csv";

/** The largest catalog file the admin takes: 100,000 rows are about 25 MB. lib/http/body-limits.ts lets this much through. */
export const MAX_CATALOG_UPLOAD_BYTES = 64 * 1024 * 1024;

export class UploadTooLargeError extends Error {
  override name = "UploadTooLargeError";
}

/** Counts the bytes going by and stops the copy past the limit, whatever Content-Length claimed. */
function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > max ? new UploadTooLargeError() : null, chunk);
    },
  });
}

/**
 * Imports an uploaded catalog file: the request body is streamed to a private
 * temporary file (the import reads the file twice and never holds it in
 * memory), imported by the staff member, and deleted whatever happens.
 */
export async function importUploadedCatalog(
  viewer: StaffViewer,
  body: ReadableStream<Uint8Array>,
  options: { dryRun: boolean; fileName: string },
  context: AuditContext,
): Promise<CatalogImportReport> {
  const dir = await mkdtemp(join(tmpdir(), "catalog-import-"));
  const file = join(dir, "upload.csv");
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), byteLimit(MAX_CATALOG_UPLOAD_BYTES), createWriteStream(file, { mode: 0o600 }));
    return await importCatalog({ kind: "staff", viewer }, catalogCsvSource(() => createReadStream(file)), options, context);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
