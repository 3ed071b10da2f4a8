import "server-only";

/** The factors a session was opened with. */
export type SessionAuthMethod = "password" | "password_totp" | "password_recovery_code";

/**
 * What a session has proven, and when (ARCHITECTURE: "a session records its
 * own assurance"). Guards and step-up read this, never the account's
 * two-factor setting alone: an account that turns two-factor on elsewhere does
 * not lift a session that proved only the password.
 */
export type SessionAssurance = {
  method: SessionAuthMethod;
  passwordVerifiedAt: Date | null;
  secondFactorVerifiedAt: Date | null;
};

/** The method of a session opened with the password and then `secondFactor`. */
export function methodWithSecondFactor(secondFactor: "totp" | "recovery_code"): SessionAuthMethod {
  return secondFactor === "totp" ? "password_totp" : "password_recovery_code";
}

/** Whether the session itself proved a second factor (at sign-in or at enrolment). */
export function hasSecondFactor(assurance: SessionAssurance): boolean {
  return assurance.method !== "password" && assurance.secondFactorVerifiedAt !== null;
}

/**
 * Whether the session still owes a second factor: its challenge is open, or the
 * account has two-factor on and this session never proved it (it was opened
 * with the password before the account enrolled). Such a session grants
 * nothing but the challenge.
 */
export function owesSecondFactor(input: { challengeOpen: boolean; accountHasTwoFactor: boolean; assurance: SessionAssurance }): boolean {
  return input.challengeOpen || (input.accountHasTwoFactor && !hasSecondFactor(input.assurance));
}

/**
 * When the session last proved what a step-up asks of it: the second factor
 * once the account has one (the password alone no longer counts), otherwise
 * whichever factor it proved last.
 */
export function stepUpProvenAt(assurance: SessionAssurance, accountHasTwoFactor: boolean): Date | null {
  if (accountHasTwoFactor) return hasSecondFactor(assurance) ? assurance.secondFactorVerifiedAt : null;
  const times = [assurance.passwordVerifiedAt, assurance.secondFactorVerifiedAt].filter((at): at is Date => at !== null);
  return times.length === 0 ? null : new Date(Math.max(...times.map((at) => at.getTime())));
}
