import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { clientBundleSize } from "./client-bundle-size";

const route = "(shop)/products/[slug]/page";

/** A dist dir shaped like Next 16's: build-manifest.json, a route's client reference manifest, chunks. */
function fakeBuild(entryJSFiles: Record<string, string[]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "bundle-"));
  mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
  const chunks = ["root-a.js", "root-b.js", "layout.js", "page.js", "other-page.js", "polyfill.js"];
  chunks.forEach((name, i) => writeFileSync(path.join(dir, "static", "chunks", name), `console.log(${"x".repeat(100 * (i + 1))});`));
  writeFileSync(
    path.join(dir, "build-manifest.json"),
    JSON.stringify({ polyfillFiles: ["static/chunks/polyfill.js"], rootMainFiles: ["static/chunks/root-a.js", "static/chunks/root-b.js"] }),
  );
  const manifestDir = path.join(dir, "server", "app", "(shop)", "products", "[slug]");
  mkdirSync(manifestDir, { recursive: true });
  writeFileSync(
    path.join(manifestDir, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/${route}"] = ${JSON.stringify({ entryJSFiles })};\n`,
  );
  return dir;
}

describe("clientBundleSize", () => {
  it("sums the root chunks and the route's segment chunks, each once, gzip-compressed", () => {
    const dir = fakeBuild({
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/(shop)/products/[slug]/page": ["static/chunks/layout.js", "static/chunks/page.js", "static/css/page.css"],
    });
    const bundle = clientBundleSize(dir, route);
    expect(bundle.files.map(({ file }) => file)).toEqual([
      "static/chunks/root-a.js",
      "static/chunks/root-b.js",
      "static/chunks/layout.js",
      "static/chunks/page.js",
    ]);
    const expected = ["root-a.js", "root-b.js", "layout.js", "page.js"]
      .map((name, i) => gzipSync(Buffer.from(`console.log(${"x".repeat(100 * [1, 2, 3, 4][i]!)});`)).byteLength)
      .reduce((a, b) => a + b, 0);
    expect(bundle.gzipBytes).toBe(expected);
  });

  it("never runs the manifest: anything but the expected assignment is refused", () => {
    const dir = fakeBuild({});
    const manifest = path.join(dir, "server", "app", "(shop)", "products", "[slug]", "page_client-reference-manifest.js");
    writeFileSync(manifest, "process.exit(3)");
    expect(() => clientBundleSize(dir, route)).toThrow(/Unexpected format/);
  });
});
