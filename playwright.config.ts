import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests against the production artefacts: the Next build (`npm test`
 * builds it into .next-test and provides a fresh, seeded DATABASE_URL) served
 * by the built HTTP server and worker (dist/, `npm run build:runtime`), as in
 * production. Playwright cannot download its own browsers here, so Debian's
 * Chromium is used.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const downPort = port + 1;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-test";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Mail goes to the SMTP receiver started in e2e/support/global-setup.ts.
const smtpUrl = `smtp://127.0.0.1:${Number(process.env.E2E_SMTP_PORT ?? 2526)}`;
const siteUrl = `http://127.0.0.1:${port}`;
const workerHealthPort = port + 2;
// Specs that change what every visitor sees; each runs in its own project after the others.
const shopWideSpecs = [/incident-tabletop\.spec\.ts$/, /admin-categories\.spec\.ts$/];
// One field-encryption key ring and blind-index key for app servers and worker, so each reads what the other wrote.
const fieldEncryption = {
  FIELD_ENCRYPTION_KEYS: `e2e:${Buffer.from("e2e-only-field-key-never-in-prod").toString("base64")}`,
  FIELD_ENCRYPTION_CURRENT_KEY: "e2e",
  // Blind indexes have their own key, never one of the encryption keys (32 bytes).
  BLIND_INDEX_KEY: Buffer.from("e2e-only-blind-index-key-no-prod").toString("base64"),
};

// The offline test gateway signs its events with this secret (worker) and the webhook checks them (app).
// A production server never turns the test gateway on by itself (an http SITE_URL is not enough).
const payments = { STRIPE_WEBHOOK_SECRET: "whsec_e2e_only_webhook_secret_never_in_prod", PAYMENTS_TEST_GATEWAY: "true" };
// The audit chain's key (production refuses to start without one): the same test-only key as
// vitest.config.ts, because both suites append to and verify the one database of `npm test`.
const audit = { AUDIT_CHAIN_KEY: Buffer.from("test-only-audit-chain-key-no-prd").toString("base64") };

const server = (serverPort: number, databaseUrl: string) => ({
  command: `node dist/http-server.js ${serverPort}`,
  // A static file from public/: it answers even on the server whose database is down.
  url: `http://127.0.0.1:${serverPort}/product-placeholder.svg`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: {
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "warn",
    SMTP_URL: smtpUrl,
    SITE_URL: siteUrl,
    // Tests play a reverse proxy (e2e/support/fixtures.ts) to give each test its own client address.
    TRUSTED_PROXY_HOPS: "1",
    AUTH_SECRET: "e2e-only-auth-secret-never-used-in-production",
    // Signs proof-of-work challenges (required in production like AUTH_SECRET).
    ALTCHA_HMAC_KEY: "e2e-only-altcha-hmac-key-never-used-in-production",
    ...fieldEncryption,
    ...payments,
    ...audit,
  },
});

// The job worker (mail delivery), delivering to the test SMTP receiver.
const worker = {
  command: "node --conditions=react-server dist/worker.js",
  url: `http://127.0.0.1:${workerHealthPort}/`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: {
    NODE_ENV: "production",
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    SMTP_URL: smtpUrl,
    SITE_URL: siteUrl,
    WORKER_HEALTH_PORT: String(workerHealthPort),
    LOG_LEVEL: "warn",
    ...fieldEncryption,
    ...payments,
    ...audit,
  },
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  fullyParallel: true,
  workers: 2,
  // Set from measured durations (JSON reporter, 2 shared cores, the whole suite running): the slowest
  // tests take 40-50 s (an admin order with refund and audit check, the lockout walk, customer reveals),
  // so 150 s is a 3x margin here and still 1.5x on a runner twice as slow. lockout.spec.ts sets its own.
  timeout: 150_000,
  expect: { timeout: 15_000 },
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Signs in one account per role once and saves its state (e2e/auth.setup.ts).
    // Seven sign-ins at once (argon2, two-factor codes): one test that runs once, so it may take its time on a slow, busy machine.
    { name: "setup", testMatch: /auth\.setup\.ts$/, timeout: 240_000 },
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, grepInvert: /@mobile/, testIgnore: shopWideSpecs, dependencies: ["setup"] },
    { name: "mobile", use: { ...devices["Pixel 7"], viewport: { width: 375, height: 812 } }, grep: /@mobile/, testIgnore: shopWideSpecs, dependencies: ["setup"] },
    // Categories come and go from every page's navigation (and the sitemap other specs walk): after everything else.
    { name: "navigation", use: { ...devices["Desktop Chrome"] }, testMatch: /admin-categories\.spec\.ts$/, dependencies: ["setup", "desktop", "mobile"] },
    // Lockdown closes checkout and ending customer sessions signs every customer out: after everything else.
    { name: "tabletop", use: { ...devices["Desktop Chrome"] }, testMatch: /incident-tabletop\.spec\.ts$/, dependencies: ["setup", "desktop", "mobile"] },
  ],
  webServer: [
    server(port, process.env.DATABASE_URL ?? ""),
    // A second server whose database is unreachable, for the health check's failure path.
    server(downPort, "postgresql://shop@127.0.0.1:9/unreachable"),
    worker,
  ],
});
