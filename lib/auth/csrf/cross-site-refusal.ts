import "server-only";
import { isCsrfTokenAccepted } from "./csrf-cookies";
import { CSRF_FIELD, CSRF_HEADER } from "./csrf-names";

type RefusedRequest = {
  headers: Headers;
  cookies: { get(name: string): { value: string } | undefined };
  formData(): Promise<FormData>;
};

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The anti-CSRF token a refused request carried: its header, else its form field (React may prefix field names, e.g. `1_csrf_token`). */
async function submittedToken(request: RefusedRequest): Promise<string | null> {
  const header = request.headers.get(CSRF_HEADER);
  if (header) return header;
  if (!FORM_TYPES.test(request.headers.get("content-type") ?? "")) return null;
  try {
    const form = await request.formData();
    for (const [name, value] of form) {
      if (name !== CSRF_FIELD && !name.endsWith(`_${CSRF_FIELD}`)) continue;
      if (typeof value === "string") return value;
      // Some clients send every multipart field with a filename; a token is a few dozen bytes.
      if (value.size <= 256) return await value.text();
    }
  } catch {
    // A malformed body carries no token worth reading.
  }
  return null;
}

/**
 * The text of a 403 for an unsafe request refused as cross-site (isRefusedCrossSite).
 * A client that sent neither Origin nor Sec-Fetch-Site is not a browser (every browser sends one
 * on a POST), so it is told what it lacks, including whether its anti-CSRF token was acceptable,
 * and a genuine and a tampered token get different answers. This reveals nothing to a cross-site
 * attacker, who cannot read the response.
 */
export async function crossSiteRefusalText(request: RefusedRequest): Promise<string> {
  const fromBrowser = request.headers.has("origin") || request.headers.has("sec-fetch-site");
  if (fromBrowser) return "Cross-site request refused";
  const tokenAccepted = isCsrfTokenAccepted(request.cookies, await submittedToken(request));
  return tokenAccepted
    ? "Request refused: send an Origin or Sec-Fetch-Site header"
    : "Request refused: send an Origin or Sec-Fetch-Site header, and this page's anti-CSRF token";
}
