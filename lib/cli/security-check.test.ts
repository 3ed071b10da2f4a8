import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { childProcessEnv } from "@/lib/env";

/**
 * `npm run security:check` as a deployment pipeline runs it: a separate
 * process whose exit status decides. Run from the sources (the npm script runs
 * the same file bundled) on the project's Node runtime, without a database.
 */
type Outcome = { code: number | null; output: string };

function securityCheck(settings: Record<string, string | undefined>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/node", ["--conditions=react-server", "--import", "tsx", "lib/cli/security-check.ts"], {
      env: childProcessEnv({ DATABASE_URL: undefined, LOG_LEVEL: "silent", ...settings }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const key = () => randomBytes(32).toString("base64");
const today = new Date().toISOString().slice(0, 10);
const good = {
  NODE_ENV: "production",
  SITE_URL: "https://shop.example",
  AUTH_SECRET: key(),
  ALTCHA_HMAC_KEY: key(),
  AUDIT_CHAIN_KEY: key(),
  BLIND_INDEX_KEY: key(),
  FIELD_ENCRYPTION_KEYS: `k1:${key()}`,
  FIELD_ENCRYPTION_CURRENT_KEY: "k1",
  STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
  PAYMENTS_TEST_GATEWAY: "false",
  DEV_MAILBOX: "false",
  BACKUPS_CONFIRMED_AT: today,
};

describe("npm run security:check", () => {
  it("fails a production shop run with the demo's conveniences and weak settings, naming each problem", async () => {
    const demo = await securityCheck({
      ...good,
      SITE_URL: "http://shop.example",
      AUTH_SECRET: "changeme-changeme-changeme-changeme",
      PAYMENTS_TEST_GATEWAY: "true",
      FIELD_ENCRYPTION_KEYS: undefined,
      FIELD_ENCRYPTION_CURRENT_KEY: undefined,
    });
    expect(demo.code).toBe(1);
    for (const line of ["FAIL  Field-encryption keys", "FAIL  Secrets: AUTH_SECRET looks like a placeholder", "FAIL  HTTPS", "FAIL  Cookie prefixes", "FAIL  Test payment gateway"]) {
      expect(demo.output).toContain(line);
    }
    expect(demo.output).not.toContain("changeme-changeme");
  }, 60_000);

  it("fails when the configuration is refused outright (a short AUTH_SECRET)", async () => {
    const short = await securityCheck({ ...good, AUTH_SECRET: "short" });
    expect(short.code).toBe(1);
    expect(short.output).toMatch(/FAIL {2}Configuration: Invalid environment configuration:\s+AUTH_SECRET/);
  }, 60_000);

  it("passes a shop set up as documented (warnings do not fail it)", async () => {
    const result = await securityCheck(good);
    expect(result.output).toMatch(/ok {4}Secrets/);
    expect(result.output).toMatch(/WARN {2}Database role: Not checked/);
    expect(result.output).toMatch(/0 failing \(NODE_ENV=production\)/);
    expect(result.code).toBe(0);
  }, 60_000);
});
