import "server-only";
import { schemaRedactPaths } from "@/lib/generated/data-classes";

/**
 * Log redaction (ASVS V16.2.5, OWASP Logging cheat sheet): credentials, tokens,
 * secrets and personal data never reach a log line. Paths are pino redact
 * paths; `*` matches one level, so nested objects are covered to two levels.
 */

/**
 * Secrets that are not schema columns: what users type, what travels in
 * headers, and configuration. Schema columns come from their data classes (schemaRedactPaths).
 */
const secretKeys = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "refreshToken",
  "secret",
  "code",
  "recoveryCode",
  "apiKey",
  "cookie",
  "authorization",
  "set-cookie",
  "sessionId",
  "databaseUrl",
  "DATABASE_URL",
];

/** Personal data under names the schema does not use (form input, provider payloads). */
const personalKeys = ["firstName", "lastName"];

/** Pino paths for `keys` at the three depths the schema's paths cover (`*` matches one level). */
const atEveryDepth = (keys: readonly string[]) => [...keys, ...keys.map((key) => `*.${key}`), ...keys.map((key) => `*.*.${key}`)];

/**
 * The pino redact paths: the schema's sensitive and confidential column names
 * (`schemaPaths`, written by `prisma generate` from the `/// @class` tags, so
 * classifying a new field redacts it with no second list to keep in step),
 * plus the non-schema secrets, at three depths.
 */
export function redactPathsWith(schemaPaths: readonly string[]): string[] {
  return [
    ...new Set([
      ...schemaPaths,
      ...atEveryDepth([...secretKeys, ...personalKeys]),
      "req.headers.cookie",
      "req.headers.authorization",
      'res.headers["set-cookie"]',
    ]),
  ];
}

/** The logger's redact paths, from the schema's data classes (lib/generated/data-classes.ts). */
export const redactPaths: string[] = redactPathsWith(schemaRedactPaths);
