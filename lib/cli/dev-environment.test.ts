import { describe, expect, it } from "vitest";
import { nextDevEnvironment, usesLocalDatabase } from "./dev-environment";

// What shopProcessEnv gives the demo's processes for a local installation (values shortened).
const local = {
  DATABASE_URL: "postgresql://shop:pw@127.0.0.1:54329/shop",
  SITE_URL: "http://localhost:3000",
  AUTH_SECRET: "local-auth-secret-local-auth-secret-0000",
  ALTCHA_HMAC_KEY: "local-altcha-key-local-altcha-key-00000",
  FIELD_ENCRYPTION_KEYS: "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
  FIELD_ENCRYPTION_CURRENT_KEY: "k1",
  BLIND_INDEX_KEY: "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=",
  AUDIT_CHAIN_KEY: "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCA=",
  AUDIT_CHECKPOINT_FILE: ".data/audit-checkpoints.jsonl",
  STRIPE_WEBHOOK_SECRET: "whsec_local",
  NODE_ENV: "production",
  PASSWORD_PEPPER: undefined,
};

describe("npm run dev's environment", () => {
  it("with DATABASE_URL set, uses no local database and adds nothing", () => {
    const operator = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/shop" };
    expect(usesLocalDatabase(operator)).toBe(false);
    expect(nextDevEnvironment(operator, local)).toEqual({});
  });

  it("without DATABASE_URL, gives next dev the embedded database and every local key", () => {
    expect(usesLocalDatabase({})).toBe(true);
    expect(usesLocalDatabase({ DATABASE_URL: "" })).toBe(true);
    const added = nextDevEnvironment({}, local);
    expect(added.DATABASE_URL).toBe(local.DATABASE_URL);
    // The keys a two-factor sign-in needs (the TOTP secret is encrypted, the audit log chained).
    for (const name of ["AUTH_SECRET", "ALTCHA_HMAC_KEY", "FIELD_ENCRYPTION_KEYS", "FIELD_ENCRYPTION_CURRENT_KEY", "BLIND_INDEX_KEY", "AUDIT_CHAIN_KEY", "AUDIT_CHECKPOINT_FILE", "STRIPE_WEBHOOK_SECRET"]) {
      expect(added[name], name).toBe(local[name as keyof typeof local]);
    }
  });

  it("leaves NODE_ENV to next dev and passes no unset value", () => {
    const added = nextDevEnvironment({}, local);
    expect(added).not.toHaveProperty("NODE_ENV");
    expect(added).not.toHaveProperty("PASSWORD_PEPPER");
  });

  it("never overrides what the operator set", () => {
    const added = nextDevEnvironment({ AUTH_SECRET: "operator-secret", SITE_URL: "http://shop.test:3000" }, local);
    expect(added).not.toHaveProperty("AUTH_SECRET");
    expect(added).not.toHaveProperty("SITE_URL");
    expect(added.FIELD_ENCRYPTION_KEYS).toBe(local.FIELD_ENCRYPTION_KEYS);
  });
});
