/**
 * The Content-Security-Policy of every page (ASVS V3.4.3, OWASP CSP cheat
 * sheet): scripts only with this response's nonce ('strict-dynamic' lets those
 * load Next's chunks), no plugins, no <base> rewriting, no framing, forms post
 * only to this origin. Pure so proxy.ts and the tests share it.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's dev tooling needs eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
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
  return directives.join("; ");
}

/** A fresh nonce: 128 bits from the platform CSPRNG, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
