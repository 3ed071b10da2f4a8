import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { hashedContentSecurityPolicy } from "../content-security-policy";
import { type AssetDigest, pageScriptAudit } from "./page-hashes";

/** A shared page as rendered once: what every visitor of its URL is sent until it is rebuilt. */
export type SharedPage = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer;
  etag: string;
  /** The page's own Content-Security-Policy: the hashes of exactly the scripts it was built with. */
  policy: string;
  /** Scripts the policy could not allow (external without a SHA-256 integrity): empty when the build is right. */
  unhashed: string[];
  renderedAt: number;
  bytes: number;
};

// Headers that describe one response or one visitor, or that the cache sets itself.
const DROPPED_HEADERS = new Set([
  "set-cookie",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "content-security-policy",
  "cache-control",
  "etag",
  "vary",
  "x-request-id",
]);

/**
 * Builds a shared page from Next's answer to a cookie-less render: keeps the
 * headers that describe the page, gives its script files their integrity,
 * computes its policy from its scripts, and compresses it once for every
 * visitor that accepts gzip.
 */
export function sharedPageFrom(status: number, headers: Headers, rendered: Buffer, digestOf: AssetDigest): SharedPage {
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    if (!DROPPED_HEADERS.has(name) && !name.startsWith("x-nextjs-")) kept.push([name, value]);
  });
  const isHtml = (headers.get("content-type") ?? "").startsWith("text/html");
  const audit = isHtml ? pageScriptAudit(rendered.toString("utf8"), digestOf) : null;
  const body = audit ? Buffer.from(audit.html, "utf8") : rendered;
  const gzip = gzipSync(body);
  return {
    status,
    headers: kept,
    body,
    gzip,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    // The HTTP server serves production builds only: no development allowances.
    policy: hashedContentSecurityPolicy(audit ?? { scripts: [], styles: [] }, { development: false }),
    unhashed: audit?.unhashed ?? [],
    renderedAt: Date.now(),
    bytes: body.byteLength + gzip.byteLength,
  };
}

/** Asks the server itself for a cookie-less render of `path`, marked as shared by the secret only this process knows. */
export async function renderSharedPage(origin: string, path: string, internalHeader: [string, string], digestOf: AssetDigest): Promise<SharedPage> {
  const response = await fetch(`${origin}${path}`, {
    headers: { [internalHeader[0]]: internalHeader[1], "accept-encoding": "identity" },
    redirect: "manual",
  });
  const body = Buffer.from(await response.arrayBuffer());
  return sharedPageFrom(response.status, response.headers, body, digestOf);
}
