import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOC_PATH, renderDataClassificationDoc } from "./doc";
import { dataClasses } from "./schema-classes";

describe("docs/data-classification.md", () => {
  it("is what the generator writes from the current schema", () => {
    const path = join(process.cwd(), DOC_PATH);
    const actual = existsSync(path) ? readFileSync(path, "utf8") : "";
    expect(actual, `${DOC_PATH} is out of date: run \`npm run docs:data-classes\``).toBe(
      renderDataClassificationDoc(dataClasses.all),
    );
  });

  it("lists every classified field with its class and storage", () => {
    const doc = renderDataClassificationDoc(dataClasses.all);
    for (const entry of dataClasses.all) expect(doc).toContain(`| ${entry.field} | \``);
    expect(doc).toContain("| passwordHash | `String` | confidential | hashed |");
    expect(doc).toContain("| phone | `String?` | sensitive | encrypted |");
    expect(doc).toContain("| stock | `Int` | internal | plain |");
    expect(doc).toContain("## RateLimit");
  });
});
