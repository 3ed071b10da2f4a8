import { describe, expect, it } from "vitest";
import { hasSecondFactor, owesSecondFactor, type SessionAssurance, stepUpProvenAt } from "./assurance";

const earlier = new Date("2026-01-01T10:00:00Z");
const later = new Date("2026-01-01T10:05:00Z");
const passwordOnly: SessionAssurance = { method: "password", passwordVerifiedAt: later, secondFactorVerifiedAt: null };
const withTotp: SessionAssurance = { method: "password_totp", passwordVerifiedAt: earlier, secondFactorVerifiedAt: later };

describe("session assurance", () => {
  it("counts a second factor only when the session itself proved one", () => {
    expect(hasSecondFactor(passwordOnly)).toBe(false);
    expect(hasSecondFactor(withTotp)).toBe(true);
    expect(hasSecondFactor({ ...withTotp, method: "password_recovery_code" })).toBe(true);
  });

  it("makes a password-only session owe the second factor once the account has one", () => {
    expect(owesSecondFactor({ challengeOpen: false, accountHasTwoFactor: false, assurance: passwordOnly })).toBe(false);
    expect(owesSecondFactor({ challengeOpen: false, accountHasTwoFactor: true, assurance: passwordOnly })).toBe(true);
    expect(owesSecondFactor({ challengeOpen: true, accountHasTwoFactor: true, assurance: passwordOnly })).toBe(true);
    expect(owesSecondFactor({ challengeOpen: false, accountHasTwoFactor: true, assurance: withTotp })).toBe(false);
  });

  it("dates a step-up by the second factor once the account has one, else by the latest factor", () => {
    expect(stepUpProvenAt(passwordOnly, true)).toBeNull();
    expect(stepUpProvenAt({ ...withTotp, passwordVerifiedAt: new Date("2026-01-01T11:00:00Z") }, true)).toEqual(later);
    expect(stepUpProvenAt(passwordOnly, false)).toEqual(later);
    expect(stepUpProvenAt(withTotp, false)).toEqual(later);
    expect(stepUpProvenAt({ method: "password", passwordVerifiedAt: null, secondFactorVerifiedAt: null }, false)).toBeNull();
  });
});
