/**
 * Log redaction (ASVS V16.2.5, OWASP Logging cheat sheet): credentials, tokens,
 * secrets and personal data never reach a log line. Paths are pino redact
 * paths; `*` matches one level, so nested objects are covered to two levels.
 */
const secretKeys = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "secret",
  "totpSecret",
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

const personalKeys = ["email", "phone", "name", "firstName", "lastName", "line1", "line2", "city", "postalCode", "ip"];

const keys = [...secretKeys, ...personalKeys];

export const redactPaths: string[] = [
  ...keys,
  ...keys.map((key) => `*.${key}`),
  ...keys.map((key) => `*.*.${key}`),
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
];
