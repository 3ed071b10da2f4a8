import "server-only";
import { z } from "zod";

/**
 * The one reader of `process.env`. Everything else imports `env` and gets
 * validated, typed values; a bad configuration fails at start-up with the
 * names of the offending variables, never halfway through a request.
 */
const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: the shop runs on the embedded PostgreSQL in DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  /** A server for the test suite; each run creates and drops its own database there. */
  TEST_DATABASE_URL: postgresUrl.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The public origin of the shop; links in mail are built from it, never from the Host header. */
  SITE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SHOP_NAME: z.string().min(1).max(60).default("Northwind Goods"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; throws one error naming every invalid variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** The environment for a child process (CLI orchestration only), with overrides. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
