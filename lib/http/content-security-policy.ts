/**
 * The Content-Security-Policy of every page (ASVS V3.4.3, OWASP CSP cheat
 * sheet), in two forms with the same strictness:
 * - personal pages (rendered per request): scripts and styles only with this
 *   response's nonce;
 * - cached catalog pages (the same HTML for everyone): scripts only when their
 *   SHA-256 is listed, computed from the page as it was built
 *   (lib/http/page-cache/page-hashes.ts), inline scripts by their text and
 *   Next's own script files by their `integrity` attribute.
 * Both use 'strict-dynamic', so only the allowed scripts may load Next's further
 * chunks. No 'unsafe-inline', no 'unsafe-eval' outside development, no plugins,
 * no <base> rewriting, no framing, forms post only to this origin. Pure, so
 * proxy.ts, the HTTP server and the tests share it.
 */
const FIXED_DIRECTIVES = [
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
  "worker-src 'self' blob:",
];

function policy(scriptSources: string[], styleSources: string[], development: boolean): string {
  // React's dev tooling needs eval; production never does.
  const script = ["'self'", ...scriptSources, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])];
  return withFixedDirectives(script.join(" "), ["'self'", ...styleSources].join(" "));
}

function withFixedDirectives(scriptSrc: string, styleSrc: string): string {
  return ["default-src 'self'", `script-src ${scriptSrc}`, `style-src ${styleSrc}`, ...FIXED_DIRECTIVES].join("; ");
}

/** A personal page's policy: this response's nonce on scripts and styles. */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return policy([`'nonce-${nonce}'`], [`'nonce-${nonce}'`], options.development);
}

/** SHA-256 digests, base64, as the page's scripts and inline styles hash to. */
export type PageHashes = { scripts: string[]; styles: string[] };

/** A cached page's policy: exactly the scripts (and inline styles) it was built with. */
export function hashedContentSecurityPolicy(hashes: PageHashes, options: { development: boolean }): string {
  const source = (digest: string) => `'sha256-${digest}'`;
  return policy(hashes.scripts.map(source), hashes.styles.map(source), options.development);
}

/**
 * What proxy.ts sets on a catalog page it lets render without a nonce: no script
 * runs. The HTTP server replaces it with the page's hashed policy; should that
 * ever not happen, the page fails closed (readable, not scriptable).
 */
export const FAIL_CLOSED_POLICY = withFixedDirectives("'none'", "'self'");

/** A fresh nonce: 128 bits from the platform CSPRNG, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
