import "server-only";
import { z } from "zod";
import { shopConfig } from "@/shop.config";

/**
 * The one reader of `process.env`. Everything else imports `env` and gets
 * validated, typed values; a bad configuration fails at start-up with the
 * names of the offending variables, never halfway through a request.
 */
const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");

const minutes = (fallback: number) => z.coerce.number().int().min(1).max(525_600).default(fallback);

/** Compose passes an unset optional variable as "": that means unset, not an invalid value. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL");

export const envSchema = z.object({
  /** Set by the commands themselves (next dev: development; npm start, the demo and the container: production). */
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: the shop runs on the embedded PostgreSQL in DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  /**
   * The owner's connection for `npm run db:migrate` (defaults to DATABASE_URL). The app and worker
   * then connect as a role that owns nothing (DATABASE_URL) and cannot alter the audit log.
   */
  DATABASE_MIGRATION_URL: unsetIfEmpty(postgresUrl.optional()),
  /** A server for the test suite; each run creates and drops its own database there. */
  TEST_DATABASE_URL: postgresUrl.optional(),
  /** The port the web server listens on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The public origin of the shop; links in mail are built from it, never from the Host header. Unset: http://localhost:PORT. */
  SITE_URL: z.string().url().optional(),
  /** Where a local installation (the demo, npm run dev) keeps its embedded database and generated keys. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Where `next build` writes and the server reads the build (next.config.js reads it too). */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  /** The port of the embedded PostgreSQL (only when DATABASE_URL is unset). */
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** The lowest level of log line written. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The shop's name, shown in pages and mail (shop.config.ts holds it; this overrides it per deployment). */
  SHOP_NAME: z.string().min(1).max(60).default(shopConfig.name),
  /** Where customers write with questions; every mail's footer names it (replies to order mail go there too). */
  SHOP_CONTACT_EMAIL: z.email().max(254).default(shopConfig.contact.email),
  /** Database connections each process may hold open at once. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Memory for the catalog's shared pages each web server keeps rendered (home, categories,
   * products; plain and gzip), in MiB. The least recently visited go first when it is full.
   */
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(128),

  /** Secret for next-auth's CSRF tokens. Required in production; the demo generates one in DATA_DIR. */
  AUTH_SECRET: z.string().min(32).optional(),
  /**
   * HMAC key that signs proof-of-work challenges (ALTCHA, lib/auth/bot-challenge). Required in
   * production and the same on every instance; outside production one is derived from AUTH_SECRET.
   */
  ALTCHA_HMAC_KEY: unsetIfEmpty(z.string().min(32).optional()),
  /** How long a served proof-of-work challenge may be solved and submitted. */
  ALTCHA_CHALLENGE_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: use the socket address). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Rate-limit counters go to Redis when set (shared across app instances), else to PostgreSQL. */
  REDIS_URL: z.string().url().optional(),

  /** Optional server-side pepper for password hashes (keep it outside the database). */
  PASSWORD_PEPPER: z.string().min(32).optional(),
  /** Argon2id cost of password hashes: memory (KiB), iterations and lanes (OWASP's minimum by default). */
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(19_456).max(1_048_576).default(19_456),
  ARGON2_TIME_COST: z.coerce.number().int().min(2).max(10).default(2),
  ARGON2_PARALLELISM: z.coerce.number().int().min(1).max(8).default(1),
  /** At most this many hashes computed at once; further requests wait in a bounded queue. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  PASSWORD_HASH_QUEUE_LIMIT: z.coerce.number().int().min(0).max(10_000).default(64),
  /** Check new passwords against Have I Been Pwned's k-anonymity range API. */
  HIBP_ENABLED: flag,
  HIBP_API_URL: z.string().url().default("https://api.pwnedpasswords.com"),

  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.com:587. Unset: mail is kept in the dev mailbox folder (in production only with DEV_MAILBOX). */
  SMTP_URL: z.string().url().optional(),
  /** The sender of the shop's mail. */
  MAIL_FROM: z.string().min(3).default(`${shopConfig.name} <no-reply@localhost>`),
  /** Shows mail at /dev/mailbox instead of sending it (local demo only; refused with an https SITE_URL). */
  DEV_MAILBOX: flag,
  /** The worker answers GET / on this port with its health (optional). */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),

  /**
   * Field-encryption key ring: "keyId:base64(32 bytes),keyId2:…". Values are encrypted with
   * FIELD_ENCRYPTION_CURRENT_KEY and decrypted with whichever key they name. Required in
   * production; the embedded demo generates one in DATA_DIR.
   */
  FIELD_ENCRYPTION_KEYS: z.string().min(1).optional(),
  FIELD_ENCRYPTION_CURRENT_KEY: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
  /** Key for blind indexes (keyed HMACs of encrypted values for exact-match lookups), base64 of 32 bytes. */
  BLIND_INDEX_KEY: z.string().min(40).optional(),

  /** How long a proven factor counts as "recent" for sensitive actions (step-up re-authentication). */
  STEP_UP_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(600),
  /** How long a sign-in may wait for its second factor before it has to start again. */
  TWO_FACTOR_CHALLENGE_MINUTES: z.coerce.number().int().min(1).max(60).default(10),

  /** Session lifetimes in minutes: "Remember me" sessions, browser sessions, and staff sessions. */
  SESSION_REMEMBER_IDLE_MINUTES: minutes(14 * 24 * 60),
  SESSION_REMEMBER_ABSOLUTE_MINUTES: minutes(30 * 24 * 60),
  SESSION_BROWSER_IDLE_MINUTES: minutes(12 * 60),
  SESSION_BROWSER_ABSOLUTE_MINUTES: minutes(24 * 60),
  SESSION_STAFF_IDLE_MINUTES: minutes(30),
  SESSION_STAFF_ABSOLUTE_MINUTES: minutes(12 * 60),

  /** The shop's own app: its OAuth client id (a public client, PKCE S256) at /oauth/authorize and /oauth/token. */
  MOBILE_CLIENT_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "must be 1-64 letters, digits, '.', '_' or '-'").default("shop-mobile"),
  /**
   * The app's redirect URIs, comma-separated, matched exactly: a private-use scheme
   * (RFC 8252 §7.1, e.g. shopapp://oauth/callback) or an https URL; never http, javascript: or data:.
   */
  MOBILE_REDIRECT_URIS: z
    .string()
    .default("shopapp://oauth/callback")
    .transform((value) => value.split(",").map((uri) => uri.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isAppRedirectUri, "each must be a private-use scheme URI or an https URL, without a fragment")).min(1)),

  /** Stripe's secret (or restricted) API key. Unset: payments go to the offline test gateway where allowed. */
  STRIPE_SECRET_KEY: unsetIfEmpty(
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, "must be a Stripe secret key (sk_test_…, sk_live_…)")
      .optional(),
  ),
  /** The signing secret of the webhook endpoint (whsec_…). Required in production; the demo generates one. */
  STRIPE_WEBHOOK_SECRET: z.string().min(16).optional(),
  /**
   * Turns the offline test gateway on in a production build (`npm run demo` sets it; a staging
   * shop may). It is never used when STRIPE_SECRET_KEY is set; outside production (next dev,
   * tests) a plain-http site uses it by default, a production build never does.
   */
  PAYMENTS_TEST_GATEWAY: flag,
  /** Where the test gateway delivers its events (the worker posts them; defaults to SITE_URL's webhook). */
  PAYMENTS_WEBHOOK_URL: z.string().url().optional(),
  /** How long an unpaid order holds its stock. Stripe's hosted checkout lives at least 30 minutes. */
  RESERVATION_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  /** How long the order-status link mailed to a guest keeps working. */
  ORDER_STATUS_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  /** How long after delivery (or, when delivery is not known, shipping) a customer may ask to return items. */
  RETURN_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Caps against stock hoarding: open (unpaid) orders per account and per client address… */
  CHECKOUT_MAX_OPEN_ORDERS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(3),
  CHECKOUT_MAX_OPEN_ORDERS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  /** … and units of one product one account may hold across its open orders (never above the product's per-order maximum). */
  CHECKOUT_MAX_UNITS_PER_PRODUCT: z.coerce.number().int().min(1).max(100_000).default(10),

  /**
   * Key of the audit log's hash chain (HMAC-SHA-256), base64 of 32 bytes, kept outside the
   * database. Required in production; the embedded demo generates one in DATA_DIR.
   */
  AUDIT_CHAIN_KEY: unsetIfEmpty(z.string().min(40).optional()),
  /** Signed audit checkpoints are appended here (JSON lines), ideally on separate, append-only storage. */
  AUDIT_CHECKPOINT_FILE: unsetIfEmpty(z.string().min(1).optional()),
  /** The day (YYYY-MM-DD) an operator last restored a backup successfully; the self-check warns after 30 days. */
  BACKUPS_CONFIRMED_AT: unsetIfEmpty(z.iso.date().optional()),

  /** Insider-threat alerts: more PII reveals than this by one staff member in an hour. */
  ALERT_REVEALS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  /** … more orders whose delivery address one staff member opened in an hour (a busy packer opens dozens). */
  ALERT_ADDRESS_VIEWS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(100),
  /** … more refused admin attempts than this by one account in an hour. */
  ALERT_DENIALS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(5),
  /** … an export of more rows than this. */
  ALERT_EXPORT_ROWS: z.coerce.number().int().min(1).max(10_000_000).default(1000),
  /** Detection rules (lib/security/detection): thresholds; README "Detection rules" explains each. */
  DETECT_STUFFING_ACCOUNTS: z.coerce.number().int().min(2).max(100_000).default(20),
  DETECT_SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  DETECT_SPRAY_ACCOUNTS: z.coerce.number().int().min(2).max(100_000).default(10),
  DETECT_SPRAY_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  DETECT_TWO_FACTOR_FAILURES: z.coerce.number().int().min(2).max(1000).default(5),
  DETECT_TWO_FACTOR_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  DETECT_SIGN_UPS_PER_ADDRESS_HOUR: z.coerce.number().int().min(2).max(100_000).default(5),
  DETECT_CARD_FAILURES_PER_ACCOUNT_HOUR: z.coerce.number().int().min(2).max(100_000).default(5),
  DETECT_CARD_FAILURES_PER_ADDRESS_HOUR: z.coerce.number().int().min(2).max(100_000).default(10),
  DETECT_CARD_FAILURES_PER_HOUR: z.coerce.number().int().min(2).max(1_000_000).default(30),
  DETECT_STAFF_RATE_MULTIPLIER: z.coerce.number().min(1).max(1000).default(5),
  DETECT_STAFF_RATE_FLOOR: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Fraud review (lib/orders/fraud): a paid order scoring at least this is held for staff review… */
  FRAUD_HOLD_SCORE: z.coerce.number().int().min(1).max(1000).default(50),
  /** … and at least this (above the hold score) is cancelled and refunded without waiting for staff. */
  FRAUD_CANCEL_SCORE: z.coerce.number().int().min(2).max(1000).default(90),
  /** Request header a trusted proxy fills with the client's country (e.g. cf-ipcountry); unset: no country is recorded. */
  CLIENT_COUNTRY_HEADER: unsetIfEmpty(z.string().regex(/^[a-z0-9-]{1,60}$/, "must be a lower-case header name").optional()),
  /** How long revealed customer data stays visible to the staff member who revealed it. */
  PII_REVEAL_MINUTES: z.coerce.number().int().min(1).max(120).default(10),
});

/** A redirect URI an app may register: a private-use scheme with a dot-free name or https; no fragment (RFC 6749 §3.1.2). */
function isAppRedirectUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hash || value.includes("#")) return false;
  const scheme = url.protocol.slice(0, -1);
  if (scheme === "https") return true;
  return /^[a-z][a-z0-9+.-]*$/.test(scheme) && !["http", "javascript", "data", "file", "vbscript", "blob", "about", "ftp", "ws", "wss"].includes(scheme);
}

export type Env = z.infer<typeof envSchema> & { SITE_URL: string };

/** Parses an environment; throws one error naming every invalid variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  }
  const data = result.data;
  const siteUrl = data.SITE_URL ?? `http://localhost:${data.PORT}`;
  if (data.DEV_MAILBOX && siteUrl.startsWith("https://")) {
    throw new Error("Invalid environment configuration:\n  DEV_MAILBOX: must not be enabled on an https site");
  }
  if (data.PAYMENTS_TEST_GATEWAY && data.STRIPE_SECRET_KEY?.startsWith("sk_live_")) {
    throw new Error("Invalid environment configuration:\n  PAYMENTS_TEST_GATEWAY: must not be enabled with a live Stripe key");
  }
  if (data.FRAUD_CANCEL_SCORE <= data.FRAUD_HOLD_SCORE) {
    throw new Error("Invalid environment configuration:\n  FRAUD_CANCEL_SCORE: must be above FRAUD_HOLD_SCORE");
  }
  return { ...data, SITE_URL: siteUrl.replace(/\/$/, "") };
}

export const env: Env = parseEnv(process.env);

/** The environment for a child process (CLI orchestration only), with overrides. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

// next-auth reads NEXTAUTH_URL itself; derive it from SITE_URL so the shop has one setting for its origin.
process.env.NEXTAUTH_URL ??= env.SITE_URL;

/** Whether the operator set `name` (a derived default such as SITE_URL's does not count). */
export function isSetByOperator(name: keyof typeof envSchema.shape): boolean {
  return Boolean(process.env[name]);
}
