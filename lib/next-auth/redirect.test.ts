import { describe, expect, it } from "vitest";
import { authOptions } from "./options";

const baseUrl = "http://127.0.0.1:3000";
const redirect = (url: string) => {
  const callback = authOptions.callbacks?.redirect;
  if (!callback) throw new Error("next-auth redirect callback missing");
  return callback({ url, baseUrl });
};

describe("next-auth's redirect callback (the sign-in callbackUrl)", () => {
  it("keeps a path on this site", async () => {
    expect(await redirect("/account/orders")).toBe(`${baseUrl}/account/orders`);
  });

  it.each(["%", "http://[", "https://", "/%", "/products/%E0%A4%A"])("answers the malformed %j with the shop's root, not an error", async (url) => {
    await expect(redirect(url)).resolves.toBe(baseUrl);
  });

  it("percent-encodes a path a Location header could not carry", async () => {
    expect(await redirect("/products/caf\u00e9")).toBe(`${baseUrl}/products/caf%C3%A9`);
  });

  it.each(["https://evil.example/", "//evil.example/x"])("never leaves the site for %s", async (url) => {
    await expect(redirect(url)).resolves.toBe(baseUrl);
  });
});
