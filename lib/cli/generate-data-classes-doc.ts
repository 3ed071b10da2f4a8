/**
 * `npm run docs:data-classes`: writes docs/data-classification.md from the
 * `// @class` annotations of prisma/schema.prisma. Refuses to write while a
 * field is unclassified, so the document never lists a schema that fails the check.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DOC_PATH, renderDataClassificationDoc } from "@/lib/data-classes/doc";
import { SCHEMA_PATH, classificationProblems, dataClasses } from "@/lib/data-classes/schema-classes";

const problems = classificationProblems(readFileSync(SCHEMA_PATH, "utf8"));
if (problems.length > 0) {
  console.error(`prisma/schema.prisma has classification problems:\n${problems.join("\n")}`);
  process.exit(1);
}
const target = join(process.cwd(), DOC_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderDataClassificationDoc(dataClasses.all));
console.log(`Wrote ${DOC_PATH} (${dataClasses.all.length} fields).`);
