/**
 * `npm run api:types`: regenerates the app client's types from the OpenAPI
 * document (lib/api/v1/openapi.ts); lib/api/v1/openapi-types.test.ts fails
 * while the committed file differs.
 */
import { writeFile } from "node:fs/promises";
import { GENERATED_TYPES_PATH, generatedTypes } from "@/lib/api/v1/openapi-types";

await writeFile(GENERATED_TYPES_PATH, await generatedTypes());
console.log(`Wrote ${GENERATED_TYPES_PATH}.`);
