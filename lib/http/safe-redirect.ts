/**
 * A redirect target taken from a URL parameter, allowed only as a path on this
 * site (ASVS V3.7.2): "/account" yes; "//evil.example", "/\\evil.example",
 * "https://evil.example" or "javascript:…" fall back to `fallback`.
 */
export function safeRedirectPath(value: string | string[] | undefined, fallback = "/account"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || candidate.length > 200) return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
  return candidate;
}
