import { cookiePrefixFor } from "@/lib/auth/session/cookies";
import { parseKeyRing } from "@/lib/crypto/key-ring";
import type { Env } from "@/lib/env";
import { staticSecurityHeaders } from "@/lib/http/security-headers.js";
import { nodeSupport, nodeSupportNotice } from "./node-support";
import { weakBase64KeyReason, weakSecretReason } from "./secret-strength";
import { failInProduction, item, type SelfCheckItem } from "./self-check-item";

/** The settings the self-check reads (lib/env.ts); a plain object, so tests can pass any configuration. */
export type SetupConfig = Pick<
  Env,
  | "NODE_ENV"
  | "SITE_URL"
  | "AUTH_SECRET"
  | "ALTCHA_HMAC_KEY"
  | "AUDIT_CHAIN_KEY"
  | "BLIND_INDEX_KEY"
  | "FIELD_ENCRYPTION_KEYS"
  | "FIELD_ENCRYPTION_CURRENT_KEY"
  | "PASSWORD_PEPPER"
  | "STRIPE_WEBHOOK_SECRET"
  | "PAYMENTS_TEST_GATEWAY"
  | "DEV_MAILBOX"
  | "BACKUPS_CONFIRMED_AT"
>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A key older than this should be rotated (npm run keys:rotate). */
const KEY_MAX_AGE_DAYS = 365;
/** A restore test older than this no longer says much about today's backups. */
const BACKUP_CONFIRMATION_MAX_AGE_DAYS = 30;

const daysSince = (date: Date, now: Date) => Math.floor((now.getTime() - date.getTime()) / DAY_MS);

/** A key id that carries its creation date (k2026-12, 2026-12-01) tells its age; k1 does not. */
function keyDate(keyId: string): Date | null {
  const match = /(20\d{2})-?(0[1-9]|1[0-2])(?:-?(0[1-9]|[12]\d|3[01]))?/.exec(keyId);
  return match ? new Date(`${match[1]}-${match[2]}-${match[3] ?? "01"}T00:00:00Z`) : null;
}

export function encryptionKeysItem(config: SetupConfig, now: Date): SelfCheckItem {
  const label = "Field-encryption keys";
  const production = config.NODE_ENV === "production";
  if (!config.FIELD_ENCRYPTION_KEYS || !config.FIELD_ENCRYPTION_CURRENT_KEY) {
    return item("encryption-keys", label, failInProduction(production), "FIELD_ENCRYPTION_KEYS or FIELD_ENCRYPTION_CURRENT_KEY is not set: each process encrypts under a throw-away key.",
      "Generate a key (openssl rand -base64 32), set FIELD_ENCRYPTION_KEYS=k2026-12:<key> and FIELD_ENCRYPTION_CURRENT_KEY=k2026-12.");
  }
  let ids: string[];
  try {
    ids = parseKeyRing(config.FIELD_ENCRYPTION_KEYS, config.FIELD_ENCRYPTION_CURRENT_KEY).ids;
  } catch (error) {
    return item("encryption-keys", label, "fail", (error as Error).message, "Correct FIELD_ENCRYPTION_KEYS / FIELD_ENCRYPTION_CURRENT_KEY (see README, Settings).");
  }
  const current = config.FIELD_ENCRYPTION_CURRENT_KEY;
  const created = keyDate(current);
  const ring = `${ids.length} key${ids.length === 1 ? "" : "s"} (${ids.join(", ")}), current "${current}"`;
  if (!created) {
    return item("encryption-keys", label, "ok", `${ring}; its age is not recorded (name keys by their date, e.g. k2026-12, to track it).`);
  }
  const age = daysSince(created, now);
  if (age > KEY_MAX_AGE_DAYS) {
    return item("encryption-keys", label, "warn", `${ring}, ${age} days old.`,
      "Add a new dated key, make it current on every instance, run npm run keys:rotate, then remove the old key.");
  }
  return item("encryption-keys", label, "ok", `${ring}, ${Math.max(age, 0)} days old.`);
}

/** Secrets: the required ones must be set in production, and none may be a placeholder or short. */
export function secretsItem(config: SetupConfig): SelfCheckItem {
  const production = config.NODE_ENV === "production";
  const secrets: { name: string; value: string | undefined; required: boolean; weak: (value: string) => string | null }[] = [
    { name: "AUTH_SECRET", value: config.AUTH_SECRET, required: true, weak: weakSecretReason },
    { name: "AUDIT_CHAIN_KEY", value: config.AUDIT_CHAIN_KEY, required: true, weak: weakBase64KeyReason },
    // Signs proof-of-work challenges: a guessable key lets a bot sign easy ones for itself.
    { name: "ALTCHA_HMAC_KEY", value: config.ALTCHA_HMAC_KEY, required: true, weak: weakSecretReason },
    { name: "BLIND_INDEX_KEY", value: config.BLIND_INDEX_KEY, required: true, weak: weakBase64KeyReason },
    { name: "STRIPE_WEBHOOK_SECRET", value: config.STRIPE_WEBHOOK_SECRET, required: false, weak: weakSecretReason },
    { name: "PASSWORD_PEPPER", value: config.PASSWORD_PEPPER, required: false, weak: weakSecretReason },
  ];
  const weak = secrets.flatMap(({ name, value, weak }) => {
    const reason = value ? weak(value) : null;
    return reason ? [`${name} ${reason}`] : [];
  });
  const missing = secrets.filter(({ value, required }) => required && !value).map(({ name }) => name);
  const problems = [...weak, ...(missing.length ? [`${missing.join(", ")} not set`] : [])];
  if (problems.length === 0) return item("secrets", "Secrets", "ok", "Set, and none is short or a placeholder.");
  return item("secrets", "Secrets", failInProduction(production), `${problems.join("; ")}.`,
    "Generate each with openssl rand -base64 32 and keep them outside the repository and the database.");
}

export function httpsItem(config: SetupConfig): SelfCheckItem {
  if (config.SITE_URL.startsWith("https://")) return item("https", "HTTPS", "ok", `SITE_URL is ${config.SITE_URL}.`);
  return item("https", "HTTPS", failInProduction(config.NODE_ENV === "production"), `SITE_URL is ${config.SITE_URL}: pages, cookies and mailed links travel in clear text.`,
    "Serve the shop over TLS and set SITE_URL to its https:// address.");
}

export function hstsItem(config: SetupConfig): SelfCheckItem {
  const production = config.NODE_ENV === "production";
  const hsts = staticSecurityHeaders({ production }).find((header) => header.key === "Strict-Transport-Security");
  const maxAge = Number(/max-age=(\d+)/.exec(hsts?.value ?? "")?.[1] ?? 0);
  if (hsts && maxAge >= 31_536_000 && config.SITE_URL.startsWith("https://")) return item("hsts", "HSTS", "ok", `Strict-Transport-Security: ${hsts.value}.`);
  const detail = !hsts ? "Not sent: only production builds send Strict-Transport-Security." : !config.SITE_URL.startsWith("https://") ? "Sent, but browsers ignore it over plain http." : `max-age=${maxAge} is under a year.`;
  return item("hsts", "HSTS", failInProduction(production), detail, "Run a production build (NODE_ENV=production) behind https; lib/http/security-headers.js sets the header.");
}

export function cookiePrefixItem(config: SetupConfig): SelfCheckItem {
  const prefix = cookiePrefixFor(config.SITE_URL);
  if (prefix) return item("cookie-prefix", "Cookie prefixes", "ok", `Cookies are named ${prefix}shop.*: Secure, Path=/, no Domain.`);
  return item("cookie-prefix", "Cookie prefixes", failInProduction(config.NODE_ENV === "production"), "Cookies carry no __Host- prefix and no Secure flag (plain-http site).",
    "Set an https:// SITE_URL: cookie names then get the __Host- prefix.");
}

export function testGatewayItem(config: SetupConfig): SelfCheckItem {
  if (!config.PAYMENTS_TEST_GATEWAY) return item("test-gateway", "Test payment gateway", "ok", "Off.");
  return item("test-gateway", "Test payment gateway", failInProduction(config.NODE_ENV === "production"), "PAYMENTS_TEST_GATEWAY is on: orders can be \"paid\" without money.",
    "Unset PAYMENTS_TEST_GATEWAY and set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.");
}

export function devMailboxItem(config: SetupConfig): SelfCheckItem {
  if (!config.DEV_MAILBOX) return item("dev-mailbox", "Dev mailbox", "ok", "Off.");
  return item("dev-mailbox", "Dev mailbox", failInProduction(config.NODE_ENV === "production"), "DEV_MAILBOX is on: mail (with its links) is shown at /dev/mailbox instead of being sent.",
    "Unset DEV_MAILBOX and set SMTP_URL.");
}

export function runtimeItem(config: SetupConfig, nodeVersion: string, now: Date): SelfCheckItem {
  const support = nodeSupport(nodeVersion, now);
  const label = "Node.js runtime";
  const fix = "Upgrade to a supported Node.js LTS release (package.json engines) and redeploy.";
  if (support.status === "supported") return item("runtime", label, "ok", `Node.js ${nodeVersion}, supported until ${support.endOfLife}.`);
  if (support.status === "unknown") {
    return item("runtime", label, "warn", `Node.js ${nodeVersion}: no end-of-life date known for ${support.major}.`, "Run npm run deps:check -- --write-node-schedule online to refresh the table.");
  }
  const notice = nodeSupportNotice(support) ?? "";
  return item("runtime", label, support.status === "end-of-life" ? failInProduction(config.NODE_ENV === "production") : "warn", notice, fix);
}

export function backupsItem(config: SetupConfig, now: Date): SelfCheckItem {
  const label = "Backups";
  const fix = "Restore the latest backup somewhere safe, then set BACKUPS_CONFIRMED_AT to today's date (YYYY-MM-DD).";
  if (!config.BACKUPS_CONFIRMED_AT) return item("backups", label, "warn", "BACKUPS_CONFIRMED_AT is not set: nobody has confirmed a restorable backup.", fix);
  const age = daysSince(new Date(`${config.BACKUPS_CONFIRMED_AT}T00:00:00Z`), now);
  if (age < 0) return item("backups", label, "warn", `BACKUPS_CONFIRMED_AT (${config.BACKUPS_CONFIRMED_AT}) is in the future.`, fix);
  if (age > BACKUP_CONFIRMATION_MAX_AGE_DAYS) {
    return item("backups", label, "warn", `Last confirmed ${age} days ago (${config.BACKUPS_CONFIRMED_AT}).`, fix);
  }
  return item("backups", label, "ok", `Confirmed ${age} days ago (${config.BACKUPS_CONFIRMED_AT}).`);
}
