import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import type { AssetDigest } from "./page-hashes";

const STATIC_PREFIX = "/_next/static/";

/**
 * The SHA-256 of the build's own script files (`/_next/static/…`), read from
 * `<distDir>/static` once each: they are content-hashed and never change
 * within a build. Anything else (another origin, a path leaving the folder, a
 * file that is not there) has no digest, so its script would be reported, not
 * allowed.
 */
export function buildAssetDigests(distDir: string): AssetDigest {
  const root = normalize(join(distDir, "static"));
  const digests = new Map<string, string | null>();
  return (url) => {
    if (!url.startsWith(STATIC_PREFIX) || url.includes("?") || url.includes("#")) return null;
    const known = digests.get(url);
    if (known !== undefined) return known;
    let digest: string | null = null;
    try {
      const file = normalize(join(root, decodeURIComponent(url.slice(STATIC_PREFIX.length))));
      if (file.startsWith(root + sep)) digest = createHash("sha256").update(readFileSync(file)).digest("base64");
    } catch {
      digest = null; // malformed or missing: no digest, the script is reported
    }
    digests.set(url, digest);
    return digest;
  };
}
