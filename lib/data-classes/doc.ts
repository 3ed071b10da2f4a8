import "server-only";
import type { FieldClassification } from "./schema-classes";

/** Where the generated document lives, relative to the project root. */
export const DOC_PATH = "docs/data-classification.md";

// The class table of ARCHITECTURE.md ("Data classification"), so the document stands on its own.
const INTRO = `# Data classification

<!-- Generated from prisma/schema.prisma by \`npm run docs:data-classes\`; do not edit by hand. -->

Every field of every Prisma model carries one class in its documentation comment,
\`/// @class <class>\`, in \`prisma/schema.prisma\`. \`prisma generate\` runs the schema's
\`dataClasses\` generator (\`prisma/generators/data-classes.mjs\`), which reads the tags from Prisma's
DMMF, fails on a field without a class, and writes the class table, the encrypted columns and the
log redaction paths (\`lib/generated/data-classes.ts\`). The class decides how a field is stored,
shown, logged and exported; \`lib/data-classes\` serves the table to DTO tests, log redaction, staff
masking and the customer's data export.

| class | examples | at rest | who sees it | logs |
|---|---|---|---|---|
| public | product name, price, image | plain | anyone; cacheable | yes |
| internal | stock level, cost, order status history, staff notes | plain | staff with permission | yes |
| sensitive | customer name, email, phone, addresses, IP of a session | addresses/phone encrypted; email plain for sign-in | the customer; staff with permission, masked by default, reveal is audited | never raw (masked or omitted) |
| confidential | password hash, TOTP secret, recovery code hashes, session/reset tokens, encryption keys, Stripe ids | hashed or encrypted | no one: never in any DTO, never sent to a browser | never |

"stored" below: **encrypted** fields are marked \`@encrypted\` and hold an AES-256-GCM envelope
(\`lib/crypto/field-encryption.ts\`) bound to the model, field, owner and row, checked against the
database by \`lib/data-classes/encrypted-at-rest.test.ts\`; **hashed** fields (named \`…Hash\`, or
\`…Index\` for a keyed HMAC blind index) hold a one-way digest; **plain** fields hold the value itself.
Relation fields are not columns and carry no class.
`;

/** Escapes the one character that would break a Markdown table cell. */
const cell = (text: string) => text.replaceAll("|", "\\|");

/** The document for `classifications`: the intro, then one table per model in schema order. */
export function renderDataClassificationDoc(classifications: readonly FieldClassification[]): string {
  const models = [...new Set(classifications.map((entry) => entry.model))];
  const sections = models.map((model) => {
    const rows = classifications
      .filter((entry) => entry.model === model)
      .map((entry) => `| ${entry.field} | \`${cell(entry.type)}\` | ${entry.dataClass} | ${entry.storage} |`);
    return [`## ${model}`, "", "| field | type | class | stored |", "|---|---|---|---|", ...rows].join("\n");
  });
  return `${INTRO}\n${sections.join("\n\n")}\n`;
}
