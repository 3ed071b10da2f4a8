import { describe, expect, it } from "vitest";
import { csrfCookiesToIssue } from "./csrf-cookies";
import { crossSiteRefusalText } from "./cross-site-refusal";
import { CSRF_FIELD } from "./csrf-names";

/** A visitor's anti-CSRF cookies as the proxy issues them, and the token their forms carry. */
function visitorCookies() {
  const issued = csrfCookiesToIssue({ get: () => undefined });
  const jar = new Map(issued.map((cookie) => [cookie.name, { value: cookie.value }]));
  const token = issued.find((cookie) => !cookie.options.httpOnly)?.value ?? "";
  return { cookies: { get: (name: string) => jar.get(name) }, token };
}

function formPost(headers: Record<string, string>, fields: Record<string, string>, cookies: ReturnType<typeof visitorCookies>["cookies"]) {
  const request = new Request("http://127.0.0.1/cart", { method: "POST", headers, body: new URLSearchParams(fields) });
  return { headers: request.headers, cookies, formData: () => request.formData() };
}

describe("the text of a cross-site refusal", () => {
  it("tells a client without Origin or Sec-Fetch-Site whether its anti-CSRF token was acceptable", async () => {
    const { cookies, token } = visitorCookies();
    expect(token).not.toBe("");
    const genuine = await crossSiteRefusalText(formPost({}, { [CSRF_FIELD]: token, quantity: "1" }, cookies));
    const tampered = await crossSiteRefusalText(formPost({}, { [CSRF_FIELD]: "wapiti", quantity: "1" }, cookies));
    const prefixed = await crossSiteRefusalText(formPost({}, { [`1_${CSRF_FIELD}`]: token }, cookies));
    const missing = await crossSiteRefusalText(formPost({}, { quantity: "1" }, cookies));
    expect(genuine).toBe("Request refused: send an Origin or Sec-Fetch-Site header");
    expect(prefixed).toBe(genuine);
    expect(tampered).not.toBe(genuine);
    expect(missing).toBe(tampered);
  });

  it("reads the token from a multipart field sent with a filename, as some clients send every field", async () => {
    const { cookies, token } = visitorCookies();
    const asFile = async (value: string) => {
      const form = new FormData();
      form.append(CSRF_FIELD, new Blob([value]), CSRF_FIELD);
      const request = new Request("http://127.0.0.1/cart", { method: "POST", body: form });
      return crossSiteRefusalText({ headers: request.headers, cookies, formData: () => request.formData() });
    };
    expect(await asFile(token)).toBe("Request refused: send an Origin or Sec-Fetch-Site header");
    expect(await asFile("wapiti")).not.toBe(await asFile(token));
  });

  it("says only that a browser's cross-site request is refused", async () => {
    const { cookies, token } = visitorCookies();
    const request = formPost({ origin: "https://evil.example" }, { [CSRF_FIELD]: token }, cookies);
    expect(await crossSiteRefusalText(request)).toBe("Cross-site request refused");
  });
});
