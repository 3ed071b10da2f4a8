/**
 * What a detection rule reports. Rules are pure functions over rows the DAL
 * loaded; the DAL turns each finding into one open alert per rule and subject.
 */
export type Severity = "low" | "medium" | "high";

export const DETECTION_RULES = [
  "credential_stuffing",
  "password_spraying",
  "two_factor_guessing",
  "mass_sign_up",
  "new_country_sign_in",
  "card_testing",
  "staff_rate_spike",
] as const;

export type DetectionRule = (typeof DETECTION_RULES)[number];

/**
 * One rule firing on one subject: "net:<network>", "ip:<address>", "user:<id>",
 * "staff:<id>" or "shop". `count` is what crossed the threshold.
 */
export type Finding = { rule: DetectionRule; severity: Severity; subject: string; count: number; summary: string };
