import "server-only";
import type { z } from "zod";
import type { SettingSource } from "./setting-comments";

/** Where the generated file lives, relative to the project root. */
export const ENV_EXAMPLE_PATH = ".env.example";

/**
 * Settings a production shop must set: the self-check fails without them
 * (lib/self-check/configuration-checks.ts, database-checks.ts), and a test
 * holds this list to it. The demo and `npm run dev` generate the keys in DATA_DIR.
 */
export const REQUIRED_IN_PRODUCTION = [
  "DATABASE_URL",
  "SITE_URL",
  "AUTH_SECRET",
  "ALTCHA_HMAC_KEY",
  "FIELD_ENCRYPTION_KEYS",
  "FIELD_ENCRYPTION_CURRENT_KEY",
  "BLIND_INDEX_KEY",
  "AUDIT_CHAIN_KEY",
] as const;

/** Secrets are never given a value here: only how to make (or where to find) one. */
export const SECRET_HINTS: Record<string, string> = {
  AUTH_SECRET: "Generate: openssl rand -base64 48",
  ALTCHA_HMAC_KEY: "Generate: openssl rand -base64 32",
  PASSWORD_PEPPER: "Generate: openssl rand -base64 32",
  FIELD_ENCRYPTION_KEYS: "Generate: echo \"k2026-12:$(openssl rand -base64 32)\" (then FIELD_ENCRYPTION_CURRENT_KEY=k2026-12)",
  BLIND_INDEX_KEY: "Generate: openssl rand -base64 32",
  AUDIT_CHAIN_KEY: "Generate: openssl rand -base64 32",
  STRIPE_SECRET_KEY: "From the Stripe dashboard (Developers, API keys).",
  STRIPE_WEBHOOK_SECRET: "From the Stripe dashboard: the signing secret of the shop's webhook endpoint.",
};

const HEADER = `# Settings of the shop (lib/env.ts), one per line as NAME=value.
# Generated from lib/env.ts by \`npm run env:example\`; do not edit by hand.
#
# Every line is commented out: a value shown is the default, an empty one means unset.
# Uncomment what you set, in the process environment or in .env (which Next.js reads;
# nothing reads this file). Secrets are left empty with a hint how to generate them:
# never commit real ones. "Required in production" marks what a deployment must set;
# the demo and \`npm run dev\` generate local keys in DATA_DIR when DATABASE_URL is unset.
`;

/** A setting's default as the environment would spell it, or "" when it has none. */
function defaultValue(field: z.ZodType): string {
  const parsed = field.safeParse(undefined);
  return parsed.success && parsed.data !== undefined ? String(parsed.data) : "";
}

/** The text of .env.example: every setting of `schema`, with the comments `sources` found in lib/env.ts. */
export function renderEnvExample(schema: z.ZodObject, sources: SettingSource[]): string {
  const shape = schema.shape as Record<string, z.ZodType>;
  const required = new Set<string>(REQUIRED_IN_PRODUCTION);
  const lines = [HEADER];
  for (const source of sources) {
    const field = shape[source.name];
    if (!field) throw new Error(`${source.name} is not a setting of the schema`);
    // A blank line before each described setting and each group keeps the comments with their settings.
    if ((source.startsGroup || source.comments.length) && lines.at(-1) !== "") lines.push("");
    for (const comment of source.comments) lines.push(...comment.split("\n").map((line) => `# ${line}`));
    const notes = [required.has(source.name) ? "Required in production." : "", SECRET_HINTS[source.name] ?? ""].filter(Boolean);
    if (notes.length) lines.push(`# ${notes.join(" ")}`);
    const value = SECRET_HINTS[source.name] ? "" : defaultValue(field);
    lines.push(`# ${source.name}=${/[\s#"'$]/.test(value) ? JSON.stringify(value) : value}`);
  }
  return `${lines.join("\n")}\n`;
}
