import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The client JavaScript a page route loads, file by file, and its total gzip-compressed size. */
export type ClientBundle = { files: { file: string; gzipBytes: number }[]; gzipBytes: number };

const buildManifestSchema = (value: unknown): string[] => {
  const rootMainFiles = (value as { rootMainFiles?: unknown }).rootMainFiles;
  if (!Array.isArray(rootMainFiles) || !rootMainFiles.every((file) => typeof file === "string")) {
    throw new Error("build-manifest.json has no rootMainFiles: not an App Router production build?");
  }
  return rootMainFiles;
};

/**
 * The chunks of every segment of `route` (layouts, error and not-found
 * boundaries, the page), from the route's client reference manifest. The file
 * is JavaScript that assigns one JSON object; it is read as JSON, never run.
 */
function segmentChunks(distDir: string, route: string): string[] {
  const manifestPath = path.join(distDir, "server", "app", `${route}_client-reference-manifest.js`);
  const source = readFileSync(manifestPath, "utf8");
  const json = /^globalThis\.__RSC_MANIFEST\["(?:[^"\\]|\\.)*"\]\s*=\s*(\{.*\});?\s*$/m.exec(source)?.[1];
  if (!json) throw new Error(`Unexpected format of ${manifestPath}`);
  const entries = (JSON.parse(json) as { entryJSFiles?: Record<string, string[]> }).entryJSFiles ?? {};
  return Object.values(entries).flat();
}

/**
 * What a browser downloads as script for `route` (e.g. "(shop)/products/[slug]/page")
 * in the production build in `distDir`: the framework's root chunks every App
 * Router page loads (build-manifest.json `rootMainFiles`) plus the chunks of
 * the route's own segments, each counted once. Polyfills are left out: they
 * are `nomodule` scripts, which current browsers never fetch. Each file is
 * gzip-compressed at the default level, as a server or CDN would send it.
 */
export function clientBundleSize(distDir: string, route: string): ClientBundle {
  const rootMainFiles = buildManifestSchema(JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")));
  const unique = [...new Set([...rootMainFiles, ...segmentChunks(distDir, route)])].filter((file) => file.endsWith(".js"));
  const files = unique.map((file) => ({ file, gzipBytes: gzipSync(readFileSync(path.join(distDir, file))).byteLength }));
  return { files, gzipBytes: files.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0) };
}
