import "server-only";
import { type DataClassRegistry, dataClasses } from "@/lib/data-classes/schema-classes";

/**
 * Log redaction (ASVS V16.2.5, OWASP Logging cheat sheet): credentials, tokens,
 * secrets and personal data never reach a log line. Paths are pino redact
 * paths; `*` matches one level, so nested objects are covered to two levels.
 */

/**
 * Secrets that are not schema columns: what users type, what travels in
 * headers, and configuration. Schema columns come from their data classes below.
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

/**
 * The sensitive and confidential column names of `registry`: classifying a
 * new field redacts it here with no second list to keep in step. Pino matches
 * keys, not models, so a name that is sensitive in one model (User.name) is
 * redacted wherever it appears (Product.name too): failing closed is the point.
 */
export function classifiedKeys(registry: DataClassRegistry): string[] {
  const protectedFields = [...registry.fieldsOfClass("sensitive"), ...registry.fieldsOfClass("confidential")];
  return [...new Set(protectedFields.map((entry) => entry.field))];
}

/** The pino redact paths for `registry`'s classes plus the non-schema secrets, at three depths. */
export function redactPathsFor(registry: DataClassRegistry): string[] {
  const keys = [...new Set([...secretKeys, ...personalKeys, ...classifiedKeys(registry)])];
  return [
    ...keys,
    ...keys.map((key) => `*.${key}`),
    ...keys.map((key) => `*.*.${key}`),
    "req.headers.cookie",
    "req.headers.authorization",
    'res.headers["set-cookie"]',
  ];
}

/** The logger's redact paths, from the schema's data classes (lib/data-classes). */
export const redactPaths: string[] = redactPathsFor(dataClasses);
