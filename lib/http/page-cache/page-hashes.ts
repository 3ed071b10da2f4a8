import { createHash } from "node:crypto";
import { Parser } from "htmlparser2";
import type { PageHashes } from "../content-security-policy";

/**
 * A built page ready to share: its HTML with an `integrity` attribute on each of
 * its script files, what its Content-Security-Policy must allow, and any
 * script the policy could not allow (it would be blocked).
 */
export type PageScriptAudit = PageHashes & { html: string; unhashed: string[] };

/** The SHA-256 (base64) of one of the build's own files by its URL path, or null when it is not one. */
export type AssetDigest = (path: string) => string | null;

// Script types a browser runs; anything else (application/ld+json, application/json) is a data block CSP ignores.
const EXECUTABLE_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);
const SHA256_INTEGRITY = /(?:^|\s)sha256-([A-Za-z0-9+/]+={0,2})(?:\s|$)/;

/** The digest CSP compares: SHA-256 of the element's text as the browser parses it (line breaks normalised). */
export function sha256Base64(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n?/g, "\n"), "utf8").digest("base64");
}

type Insertion = { at: number; text: string };

/**
 * Reads a rendered page and lists what its policy must allow: the hash of every
 * inline script and inline style, and the SHA-256 of every script file. CSP
 * Level 3 allows a script file by hash through its `integrity` attribute, so
 * each script file (and its preload) without one gets it here, from the
 * build's own file. Element text is sliced from the original HTML between its
 * tags, never re-serialised, so a hash covers the exact bytes the browser sees.
 */
export function pageScriptAudit(source: string, digestOf: AssetDigest): PageScriptAudit {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const unhashed: string[] = [];
  const insertions: Insertion[] = [];
  let open: { name: "script" | "style"; contentStart: number } | null = null;

  /** Allows a script file by its integrity, adding the attribute when Next did not. */
  const allowFile = (tag: string, url: string, integrity: string | undefined) => {
    const given = integrity === undefined ? undefined : SHA256_INTEGRITY.exec(integrity)?.[1];
    const digest = given ?? (integrity === undefined ? digestOf(url) : null);
    if (!digest) {
      unhashed.push(url);
      return;
    }
    scripts.add(digest);
    if (integrity === undefined) insertions.push({ at: parser.startIndex + 1 + tag.length, text: ` integrity="sha256-${digest}"` });
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open = null;
        if (name === "link") {
          const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
          const isScriptPreload = rel.includes("modulepreload") || (rel.includes("preload") && attributes.as === "script");
          if (isScriptPreload && attributes.href) allowFile("link", attributes.href, attributes.integrity);
          return;
        }
        if (name !== "script" && name !== "style") return;
        const type = name === "script" ? (attributes.type ?? "").trim().toLowerCase() : "";
        if (!EXECUTABLE_TYPES.has(type)) return;
        if (name === "script" && attributes.src !== undefined) allowFile("script", attributes.src, attributes.integrity);
        else open = { name, contentStart: parser.endIndex + 1 };
      },
      onclosetag(name) {
        if (!open || open.name !== name) return;
        (name === "script" ? scripts : styles).add(sha256Base64(source.slice(open.contentStart, parser.startIndex)));
        open = null;
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(source);

  let html = source;
  for (const { at, text } of insertions.sort((a, b) => b.at - a.at)) html = html.slice(0, at) + text + html.slice(at);
  return { html, scripts: [...scripts].sort(), styles: [...styles].sort(), unhashed };
}
