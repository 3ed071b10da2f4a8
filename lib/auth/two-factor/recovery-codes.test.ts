import { describe, expect, it } from "vitest";
import {
  findMatchingRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_BITS,
  RECOVERY_CODE_LENGTH,
} from "./recovery-codes";

const DISPLAY = /^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/;

describe("generateRecoveryCodes", () => {
  it("returns 10 distinct codes in grouped display form", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(DISPLAY);
  });

  it("carries ≥64 bits per code by construction (NIST §4.2.1.1)", () => {
    const alphabet = new Set(RECOVERY_CODE_ALPHABET);
    expect(alphabet.size).toBe(32);
    // No printed look-alikes: i, l, o (and u) are never shown.
    for (const ambiguous of "ilou") expect(alphabet.has(ambiguous)).toBe(false);
    expect(RECOVERY_CODE_LENGTH * Math.log2(alphabet.size)).toBe(RECOVERY_CODE_BITS);
    expect(32n ** BigInt(RECOVERY_CODE_LENGTH) >= 2n ** 64n).toBe(true);
  });

  it("uses every alphabet character across many codes (no stuck bits)", () => {
    const seen = new Set(generateRecoveryCodes(100).join("").replaceAll("-", ""));
    expect(seen.size).toBe(32);
  });

  it("refuses silly counts", () => {
    for (const count of [0, -1, 1.5, 101]) expect(() => generateRecoveryCodes(count)).toThrow(RangeError);
  });
});

describe("normalizeRecoveryCode", () => {
  it("round-trips the display form in any case, with or without hyphens or spaces", () => {
    for (const code of generateRecoveryCodes(5)) {
      const compact = code.replaceAll("-", "");
      for (const typed of [code, code.toUpperCase(), compact, compact.toUpperCase(), ` ${code.replaceAll("-", " ")} `]) {
        expect(normalizeRecoveryCode(typed)).toBe(code);
      }
    }
  });

  it("reads the look-alikes o, i and l as 0, 1 and 1", () => {
    expect(normalizeRecoveryCode("OIL0-1111-2222-3333")).toBe("0110-1111-2222-3333");
  });

  it.each([
    ["too short", "ab3d-9kq2-x7m4-p2w"],
    ["too long", "ab3d-9kq2-x7m4-p2w8a"],
    ["u is not in the alphabet", "ab3d-9kq2-x7m4-p2wu"],
    ["punctuation", "ab3d-9kq2-x7m4-p2w!"],
    ["full-width", "ａｂ3d-9kq2-x7m4-p2w8"],
    ["empty", ""],
    ["oversized input", `${"a".repeat(16)}${" ".repeat(60)}`],
  ])("refuses %s", (_label, raw) => {
    expect(normalizeRecoveryCode(raw)).toBeNull();
  });
});

describe("hashRecoveryCode / findMatchingRecoveryCode", () => {
  it("stores an Argon2id hash and finds the matching id from any typed form", async () => {
    const codes = generateRecoveryCodes(3);
    const candidates = await Promise.all(codes.map(async (code, i) => ({ id: `rc${i}`, codeHash: await hashRecoveryCode(code) })));
    for (const { codeHash } of candidates) {
      expect(codeHash).toMatch(/^\$argon2id\$/);
      for (const code of codes) expect(codeHash).not.toContain(code);
    }
    expect(await findMatchingRecoveryCode(codes[1]!, candidates)).toBe("rc1");
    expect(await findMatchingRecoveryCode(codes[2]!.toUpperCase().replaceAll("-", ""), candidates)).toBe("rc2");
  });

  it("returns null for a wrong, malformed or already-removed code", async () => {
    const [kept, removed] = generateRecoveryCodes(2);
    const candidates = [{ id: "kept", codeHash: await hashRecoveryCode(kept!) }];
    expect(await findMatchingRecoveryCode(generateRecoveryCodes(1)[0]!, candidates)).toBeNull();
    expect(await findMatchingRecoveryCode(removed!, candidates)).toBeNull();
    expect(await findMatchingRecoveryCode("not a code", candidates)).toBeNull();
    expect(await findMatchingRecoveryCode(kept!, [])).toBeNull();
  });

  it("refuses to hash something that is not a recovery code", async () => {
    await expect(hashRecoveryCode("hunter2")).rejects.toThrow();
  });
});
