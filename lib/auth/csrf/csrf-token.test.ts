import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { csrfBinding } from "./csrf-binding";
import { isCsrfTokenFor, isValidDoubleSubmit, mintCsrfToken } from "./csrf-token";

const key = randomBytes(32);
const alice = csrfBinding("alice-session-token", undefined)!;
const bob = csrfBinding("bob-session-token", undefined)!;

describe("anti-CSRF tokens (signed double submit)", () => {
  it("accepts a token minted for the session, in the cookie and the form alike", () => {
    const token = mintCsrfToken(key, alice);
    expect(isCsrfTokenFor(key, alice, token)).toBe(true);
    expect(isValidDoubleSubmit(key, alice, token, token)).toBe(true);
  });

  it("refuses another session's token, even planted in both places", () => {
    const bobs = mintCsrfToken(key, bob);
    expect(isValidDoubleSubmit(key, alice, bobs, bobs)).toBe(false);
  });

  it("refuses a form token that differs from the cookie, a missing one, and a forged signature", () => {
    const token = mintCsrfToken(key, alice);
    expect(isValidDoubleSubmit(key, alice, token, mintCsrfToken(key, alice))).toBe(false);
    expect(isValidDoubleSubmit(key, alice, token, null)).toBe(false);
    expect(isValidDoubleSubmit(key, alice, undefined, token)).toBe(false);
    const [random] = token.split(".");
    const forged = `${random}.${"A".repeat(43)}`;
    expect(isValidDoubleSubmit(key, alice, forged, forged)).toBe(false);
    expect(isCsrfTokenFor(randomBytes(32), alice, token)).toBe(false);
  });

  it("binds to the session when there is one, to the visitor id before sign-in", () => {
    expect(csrfBinding("s", "v")).toMatch(/^session:/);
    expect(csrfBinding(undefined, "v")).toBe("visitor:v");
    expect(csrfBinding(undefined, undefined)).toBeNull();
    // The session secret itself never appears in the binding (nor, so, in anything derived from it).
    expect(csrfBinding("alice-session-token", undefined)).not.toContain("alice");
  });
});
