import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SetupConfig } from "./configuration-checks";
import { hasFailure, selfCheckItems } from "./self-check";

const now = new Date("2026-12-07T12:00:00Z");
const key = () => randomBytes(32).toString("base64");

/** A production shop set up as README "Deploying" says. */
const good: SetupConfig = {
  NODE_ENV: "production",
  SITE_URL: "https://shop.example",
  AUTH_SECRET: key(),
  ALTCHA_HMAC_KEY: key(),
  AUDIT_CHAIN_KEY: key(),
  BLIND_INDEX_KEY: key(),
  FIELD_ENCRYPTION_KEYS: `k2026-06:${key()},k2025-01:${key()}`,
  FIELD_ENCRYPTION_CURRENT_KEY: "k2026-06",
  PASSWORD_PEPPER: undefined,
  STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
  PAYMENTS_TEST_GATEWAY: false,
  DEV_MAILBOX: false,
  BACKUPS_CONFIRMED_AT: "2026-11-20",
};
const goodFacts = { role: "shop_app", superuser: false, ownedTables: 0, staffWithoutTwoFactor: 0 };

function check(id: string, config: Partial<SetupConfig> = {}, facts: typeof goodFacts | null = goodFacts, node = "24.21.0") {
  const found = selfCheckItems({ ...good, ...config }, facts, node, now).find((entry) => entry.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe("setup self-check", () => {
  it("a production shop set up as documented has no failing or warning item", () => {
    const items = selfCheckItems(good, goodFacts, "24.21.0", now);
    expect(items.map((entry) => `${entry.id} ${entry.status}`)).toEqual(items.map((entry) => `${entry.id} ok`));
    expect(items.every((entry) => entry.fix === "")).toBe(true);
    expect(hasFailure(items)).toBe(false);
  });

  it("encryption keys: missing fails in production, a malformed ring fails, an old current key warns; the age is read from a dated id", () => {
    expect(check("encryption-keys").detail).toMatch(/2 keys \(k2026-06, k2025-01\), current "k2026-06", 189 days old/);
    expect(check("encryption-keys", { FIELD_ENCRYPTION_KEYS: undefined }).status).toBe("fail");
    expect(check("encryption-keys", { FIELD_ENCRYPTION_KEYS: undefined, NODE_ENV: "development" }).status).toBe("warn");
    expect(check("encryption-keys", { FIELD_ENCRYPTION_KEYS: "k1:c2hvcnQ=", FIELD_ENCRYPTION_CURRENT_KEY: "k1" })).toMatchObject({ status: "fail" });
    const old = check("encryption-keys", { FIELD_ENCRYPTION_CURRENT_KEY: "k2025-01" });
    expect(old).toMatchObject({ status: "warn" });
    expect(old.fix).toMatch(/keys:rotate/);
    expect(check("encryption-keys", { FIELD_ENCRYPTION_KEYS: `k1:${key()}`, FIELD_ENCRYPTION_CURRENT_KEY: "k1" })).toMatchObject({ status: "ok", detail: expect.stringMatching(/age is not recorded/) });
  });

  it("secrets: placeholders, short values and typed keys fail in production, and no value is ever shown", () => {
    const placeholder = "changeme-changeme-changeme-changeme";
    const bad = check("secrets", { AUTH_SECRET: placeholder, AUDIT_CHAIN_KEY: Buffer.from("typed-by-hand-audit-key-32-bytes").toString("base64") });
    expect(bad.status).toBe("fail");
    expect(bad.detail).toMatch(/AUTH_SECRET looks like a placeholder/);
    expect(bad.detail).toMatch(/AUDIT_CHAIN_KEY decodes to readable text/);
    expect(bad.detail).not.toContain(placeholder);
    expect(check("secrets", { STRIPE_WEBHOOK_SECRET: "whsec_short" }).detail).toMatch(/STRIPE_WEBHOOK_SECRET shorter than 32/);
    expect(check("secrets", { AUTH_SECRET: "a".repeat(40) }).detail).toMatch(/too few distinct characters/);
    expect(check("secrets", { BLIND_INDEX_KEY: undefined }).detail).toMatch(/BLIND_INDEX_KEY not set/);
    expect(check("secrets", { BLIND_INDEX_KEY: undefined, NODE_ENV: "development" }).status).toBe("warn");
    // The proof-of-work challenges' key (bot defence): missing or short fails in production.
    expect(check("secrets", { ALTCHA_HMAC_KEY: undefined })).toMatchObject({ status: "fail", detail: expect.stringMatching(/ALTCHA_HMAC_KEY not set/) });
    expect(check("secrets", { ALTCHA_HMAC_KEY: "short-altcha-key" })).toMatchObject({ status: "fail", detail: expect.stringMatching(/ALTCHA_HMAC_KEY shorter than 32/) });
  });

  it("https, HSTS and cookie prefixes fail on a plain-http production site", () => {
    for (const id of ["https", "hsts", "cookie-prefix"]) {
      expect(check(id, { SITE_URL: "http://shop.example" }).status, id).toBe("fail");
      expect(check(id, { SITE_URL: "http://localhost:3000", NODE_ENV: "development" }).status, id).toBe("warn");
    }
    expect(check("hsts").detail).toMatch(/max-age=63072000/);
    expect(check("cookie-prefix").detail).toMatch(/__Host-shop/);
    // A development build never sends the header, even behind https.
    expect(check("hsts", { NODE_ENV: "development" })).toMatchObject({ status: "warn", detail: expect.stringMatching(/only production builds/) });
  });

  it("the test gateway and the dev mailbox fail in production", () => {
    expect(check("test-gateway", { PAYMENTS_TEST_GATEWAY: true }).status).toBe("fail");
    expect(check("dev-mailbox", { DEV_MAILBOX: true }).status).toBe("fail");
    expect(check("dev-mailbox", { DEV_MAILBOX: true, NODE_ENV: "development" }).status).toBe("warn");
  });

  it("runtime: past its end of life fails in production, near it warns", () => {
    expect(check("runtime", {}, goodFacts, "20.20.2")).toMatchObject({ status: "fail", detail: expect.stringMatching(/end of life on 2026-04-30/) });
    expect(check("runtime", {}, goodFacts, "22.1.0").status).toBe("ok");
    expect(check("runtime", {}, goodFacts, "99.0.0").status).toBe("warn");
  });

  it("database role: a superuser or a table owner fails in production; no database is a warning", () => {
    expect(check("database-role", {}, { ...goodFacts, superuser: true }).status).toBe("fail");
    expect(check("database-role", {}, { ...goodFacts, ownedTables: 40 })).toMatchObject({ status: "fail", detail: expect.stringMatching(/owns 40 tables/) });
    expect(check("database-role", { NODE_ENV: "development" }, { ...goodFacts, ownedTables: 40 }).status).toBe("warn");
    expect(check("database-role", {}, null).status).toBe("warn");
  });

  it("staff without two-factor are counted", () => {
    expect(check("staff-two-factor", {}, { ...goodFacts, staffWithoutTwoFactor: 2 })).toMatchObject({ status: "warn", detail: expect.stringMatching(/^2 active staff members have not/) });
  });

  it("backups: missing, older than 30 days or in the future warn", () => {
    expect(check("backups", { BACKUPS_CONFIRMED_AT: undefined }).status).toBe("warn");
    expect(check("backups", { BACKUPS_CONFIRMED_AT: "2026-11-06" })).toMatchObject({ status: "warn", detail: expect.stringMatching(/31 days ago/) });
    expect(check("backups", { BACKUPS_CONFIRMED_AT: "2026-11-07" }).status).toBe("ok");
    expect(check("backups", { BACKUPS_CONFIRMED_AT: "2027-01-01" }).status).toBe("warn");
  });
});
