import { describe, expect, it } from "vitest";
import { generateToken, hashToken, isWellFormedToken, safeEqual } from "./tokens";

describe("generateToken", () => {
  it("returns 43 base64url characters (256 bits)", () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("never repeats over 1000 tokens", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("hashToken", () => {
  it("is 64 lower-case hex characters and not the token itself", () => {
    const token = generateToken();
    const digest = hashToken(token);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toContain(token);
  });

  it("is the SHA-256 of the token (known answer)", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is deterministic and differs between tokens", () => {
    const a = generateToken();
    const b = generateToken();
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toBe(hashToken(b));
  });
});

describe("isWellFormedToken", () => {
  it("accepts generated tokens", () => {
    for (let i = 0; i < 100; i += 1) expect(isWellFormedToken(generateToken())).toBe(true);
  });

  it("rejects tokens that are too short or too long", () => {
    const token = generateToken();
    expect(isWellFormedToken("")).toBe(false);
    expect(isWellFormedToken(token.slice(0, 42))).toBe(false);
    expect(isWellFormedToken(`${token}A`)).toBe(false);
    expect(isWellFormedToken(`${token}\n`)).toBe(false);
  });

  it("rejects characters outside base64url", () => {
    const token = generateToken();
    for (const bad of ["+", "/", "=", " ", ".", "%", "é", "\u0000"]) {
      expect(isWellFormedToken(`${token.slice(0, 42)}${bad}`)).toBe(false);
    }
  });
});

describe("safeEqual", () => {
  it("is true for equal strings", () => {
    const token = generateToken();
    expect(safeEqual(token, `${token}`)).toBe(true);
    expect(safeEqual("", "")).toBe(true);
  });

  it("is false for different strings of the same length", () => {
    const token = generateToken();
    const flipped = `${token.slice(0, 42)}${token.endsWith("A") ? "B" : "A"}`;
    expect(safeEqual(token, flipped)).toBe(false);
  });

  it("is false (and does not throw) for different lengths", () => {
    const token = generateToken();
    expect(safeEqual(token, token.slice(0, 42))).toBe(false);
    expect(safeEqual(token.slice(0, 42), token)).toBe(false);
    expect(safeEqual(token, "")).toBe(false);
    // Same number of characters, different number of UTF-8 bytes.
    expect(safeEqual("é", "e")).toBe(false);
  });
});
