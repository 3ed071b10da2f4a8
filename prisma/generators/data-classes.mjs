/**
 * A Prisma generator (the `dataClasses` block of prisma/schema.prisma): reads
 * every field's `/// @class` and `/// @encrypted` documentation from the DMMF
 * and writes the class table, the encrypted columns and the log redaction
 * paths as a TypeScript module. A field without a class, or any other broken
 * rule, fails `prisma generate` with one line per field.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { classifyDatamodel, redactPathsOf } from "./data-classes/classify.mjs";
import { serveGenerator } from "./data-classes/protocol.mjs";
import { renderDataClassesModule } from "./data-classes/render.mjs";

serveGenerator({
  manifest: { prettyName: "Data classes", defaultOutput: "../lib/generated/data-classes.ts", requiresEngines: [] },
  generate({ dmmf, datamodel, schemaPath, generator }) {
    const { fields, encryptedModels, problems } = classifyDatamodel(dmmf.datamodel, datamodel);
    if (problems.length > 0) throw new Error(`${relative(process.cwd(), schemaPath)} breaks the data classification rules:\n${problems.join("\n")}`);
    const output = generator.output?.value;
    if (!output) throw new Error("The data classes generator needs an `output` file.");
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, renderDataClassesModule({ fields, encryptedModels, redactPaths: redactPathsOf(fields) }));
  },
});
