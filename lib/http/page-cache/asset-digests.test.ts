import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildAssetDigests } from "./asset-digests";

describe("buildAssetDigests", () => {
  const distDir = mkdtempSync(join(tmpdir(), "asset-digests-"));
  mkdirSync(join(distDir, "static", "chunks"), { recursive: true });
  writeFileSync(join(distDir, "static", "chunks", "a.js"), "console.log(1)");
  writeFileSync(join(distDir, "secret.txt"), "not a static file");
  const digestOf = buildAssetDigests(distDir);

  it("hashes a file of the build's static folder by its URL", () => {
    expect(digestOf("/_next/static/chunks/a.js")).toBe(createHash("sha256").update("console.log(1)").digest("base64"));
  });

  it("has no digest for anything else: missing files, other paths, escapes from the folder", () => {
    for (const url of ["/_next/static/chunks/missing.js", "/other/a.js", "https://cdn.example/_next/static/chunks/a.js", "/_next/static/../secret.txt", "/_next/static/%2e%2e/secret.txt", "/_next/static/chunks/a.js?v=1", "/_next/static/%E0%A4%A"]) {
      expect(digestOf(url), url).toBeNull();
    }
  });
});
