/** Long enough for an app's /oauth/authorize request (PKCE challenge, state, redirect URI) to survive sign-in. */
const MAX_REDIRECT_PATH_LENGTH = 600;

/**
 * A redirect target taken from a URL parameter, allowed only as a path on this
 * site (ASVS V3.7.2): "/account" yes; "//evil.example", "/\\evil.example",
 * "https://evil.example" or "javascript:…" fall back to `fallback`. So does a
 * path that is not well-formed ("/%"): redirecting to it would only end in an
 * error page. The result is percent-encoded ("/😀" becomes "/%F0%9F%98%80"), as
 * a Location header may carry nothing else.
 */
export function safeRedirectPath(value: string | string[] | undefined, fallback = "/account"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== "string" || !candidate || candidate.length > MAX_REDIRECT_PATH_LENGTH) return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
  return encodedPath(candidate) ?? fallback;
}

const probeOrigin = "http://shop.invalid";

function encodedPath(path: string): string | null {
  try {
    decodeURI(path);
    const url = new URL(path, probeOrigin);
    return url.origin === probeOrigin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/**
 * next-auth's redirect callback: a path on this site, or an absolute URL of
 * this site, becomes an absolute URL here; anything else, malformed URLs
 * included, becomes the site's root instead of an error.
 */
export function safeAuthRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) {
    const path = safeRedirectPath(url, "");
    return path ? `${baseUrl}${path}` : baseUrl;
  }
  try {
    const target = new URL(url);
    if (target.origin !== new URL(baseUrl).origin) return baseUrl;
    const path = safeRedirectPath(`${target.pathname}${target.search}`, "");
    return path ? `${baseUrl}${path}` : baseUrl;
  } catch {
    return baseUrl;
  }
}
