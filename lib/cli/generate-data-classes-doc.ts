/**
 * `npm run docs:data-classes`: writes docs/data-classification.md from the
 * class table `prisma generate` wrote from prisma/schema.prisma (its
 * `dataClasses` generator refuses a schema with an unclassified field, so the
 * document never lists one). Run `prisma generate` first after a schema change.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DOC_PATH, renderDataClassificationDoc } from "@/lib/data-classes/doc";
import { dataClasses } from "@/lib/data-classes/schema-classes";

const target = join(process.cwd(), DOC_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderDataClassificationDoc(dataClasses.all));
console.log(`Wrote ${DOC_PATH} (${dataClasses.all.length} fields).`);
