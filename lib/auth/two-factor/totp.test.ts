import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { generateTotpSecret, normalizeTotpInput, TOTP_SECRET_LENGTH, totpUri, verifyTotp } from "./totp";

// A fixed clock: 10 s into a step, so the window edges are not an accident of where "now" falls.
const NOW = Date.UTC(2025, 0, 1, 12, 0, 10);
const STEP = Math.floor(NOW / 30_000);
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** The code an authenticator app shows during absolute step `step` (otplib, independent of our code). */
const codeAt = (step: number, secret = SECRET) => generate({ secret, epoch: step * 30 });

describe("verifyTotp window (±1 step)", () => {
  it("accepts steps −1, 0 and +1 and refuses −2 and +2", async () => {
    const offsets = [-2, -1, 0, 1, 2];
    const codes = await Promise.all(offsets.map((k) => codeAt(STEP + k)));
    expect(new Set(codes).size).toBe(5); // precondition: the five codes differ
    const results = codes.map((code) => verifyTotp({ secret: SECRET, code, lastUsedStep: null, now: NOW }));
    expect(results).toEqual([
      { valid: false },
      { valid: true, step: STEP - 1 },
      { valid: true, step: STEP },
      { valid: true, step: STEP + 1 },
      { valid: false },
    ]);
  });

  it.each([
    ["at the first millisecond of a step", STEP * 30_000],
    ["at the last millisecond of a step", STEP * 30_000 + 29_999],
  ])("keeps the same ±1 window %s", async (_label, now) => {
    const verify = async (k: number) => verifyTotp({ secret: SECRET, code: await codeAt(STEP + k), lastUsedStep: null, now }).valid;
    expect(await Promise.all([-2, -1, 0, 1, 2].map(verify))).toEqual([false, true, true, true, false]);
  });

  it("returns the absolute step floor(now / 30 s) for the current code", async () => {
    const result = verifyTotp({ secret: SECRET, code: await codeAt(STEP), lastUsedStep: null, now: NOW });
    expect(result).toEqual({ valid: true, step: Math.floor(NOW / 1000 / 30) });
  });

  it("refuses a right code for another secret", async () => {
    const code = await codeAt(STEP, generateTotpSecret());
    expect(verifyTotp({ secret: SECRET, code, lastUsedStep: null, now: NOW })).toEqual({ valid: false });
  });

  it("refuses malformed codes without throwing", () => {
    for (const code of ["", "abcdef", "12345", "1234567", "１２３４５６"]) {
      expect(verifyTotp({ secret: SECRET, code, lastUsedStep: null, now: NOW })).toEqual({ valid: false });
    }
  });

  it("accepts a code typed with a space or hyphen", async () => {
    const code = await codeAt(STEP);
    const typed = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect(verifyTotp({ secret: SECRET, code: typed, lastUsedStep: null, now: NOW }).valid).toBe(true);
  });
});

describe("verifyTotp replay protection (NIST §3.2.7, ASVS V6.5.1)", () => {
  it("refuses a code whose step equals lastUsedStep and accepts it after lastUsedStep = S−1", async () => {
    const code = await codeAt(STEP);
    expect(verifyTotp({ secret: SECRET, code, lastUsedStep: STEP, now: NOW })).toEqual({ valid: false });
    expect(verifyTotp({ secret: SECRET, code, lastUsedStep: STEP - 1, now: NOW })).toEqual({ valid: true, step: STEP });
  });

  it("refuses an earlier step than lastUsedStep even inside the window", async () => {
    const previous = await codeAt(STEP - 1);
    expect(verifyTotp({ secret: SECRET, code: previous, lastUsedStep: STEP, now: NOW })).toEqual({ valid: false });
  });

  it("still accepts the next step after the current one was used", async () => {
    const next = await codeAt(STEP + 1);
    expect(verifyTotp({ secret: SECRET, code: next, lastUsedStep: STEP, now: NOW })).toEqual({ valid: true, step: STEP + 1 });
  });

  it("a stored step makes the same code fail on its second use", async () => {
    const code = await codeAt(STEP);
    const first = verifyTotp({ secret: SECRET, code, lastUsedStep: null, now: NOW });
    expect(first.valid).toBe(true);
    const stored = first.valid ? first.step : null;
    expect(verifyTotp({ secret: SECRET, code, lastUsedStep: stored, now: NOW + 5_000 }).valid).toBe(false);
  });

  it("refuses everything, without throwing, when lastUsedStep lies beyond the window (clock went back)", async () => {
    for (const k of [-1, 0, 1]) {
      const code = await codeAt(STEP + k);
      expect(verifyTotp({ secret: SECRET, code, lastUsedStep: STEP + 1, now: NOW })).toEqual({ valid: false });
      expect(verifyTotp({ secret: SECRET, code, lastUsedStep: STEP + 50, now: NOW })).toEqual({ valid: false });
    }
  });

  it("throws on a corrupt lastUsedStep instead of guessing", async () => {
    const code = await codeAt(STEP);
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => verifyTotp({ secret: SECRET, code, lastUsedStep: bad, now: NOW })).toThrow(RangeError);
    }
  });
});

describe("normalizeTotpInput", () => {
  it.each([
    ["123456", "123456"],
    ["123 456", "123456"],
    ["123-456", "123456"],
    [" 123456 ", "123456"],
    ["\t123 456\n", "123456"],
  ])("accepts %j", (raw, expected) => {
    expect(normalizeTotpInput(raw)).toBe(expected);
  });

  it.each(["", "      ", "12345", "1234567", "12a456", "abcdef", "１２３４５６", "123--456", "12 3456", "123_456", `123456${" ".repeat(20)}`])(
    "refuses %j",
    (raw) => {
      expect(normalizeTotpInput(raw)).toBeNull();
    },
  );
});

describe("generateTotpSecret / totpUri", () => {
  it("generates ≥160-bit base32 secrets that differ each time", () => {
    const a = generateTotpSecret();
    expect(TOTP_SECRET_LENGTH).toBe(32);
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(a.length * 5).toBeGreaterThanOrEqual(160);
    expect(generateTotpSecret()).not.toBe(a);
  });

  it("builds an otpauth URI with issuer, label and secret; SHA1/6/30 are the omitted defaults", () => {
    const secret = generateTotpSecret();
    const uri = totpUri({ secret, accountName: "jane@example.com", issuer: "Acme Shop" });
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname)).toBe("/Acme Shop:jane@example.com");
    expect(url.searchParams.get("secret")).toBe(secret);
    expect(url.searchParams.get("issuer")).toBe("Acme Shop");
    // otplib writes these only when they differ from the Key URI defaults (SHA1, 6, 30), which apps assume.
    expect(url.searchParams.get("algorithm")).toBeNull();
    expect(url.searchParams.get("digits")).toBeNull();
    expect(url.searchParams.get("period")).toBeNull();
  });

  it("refuses colons, empty fields and short or non-base32 secrets", () => {
    const secret = generateTotpSecret();
    expect(() => totpUri({ secret, accountName: "a:b@example.com", issuer: "Acme" })).toThrow();
    expect(() => totpUri({ secret, accountName: "jane@example.com", issuer: "Ac:me" })).toThrow();
    expect(() => totpUri({ secret, accountName: " ", issuer: "Acme" })).toThrow();
    expect(() => totpUri({ secret: "JBSWY3DPEHPK3PXP", accountName: "jane@example.com", issuer: "Acme" })).toThrow();
    expect(() => totpUri({ secret: secret.toLowerCase(), accountName: "jane@example.com", issuer: "Acme" })).toThrow();
  });
});
