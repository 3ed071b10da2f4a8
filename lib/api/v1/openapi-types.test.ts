import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { GENERATED_TYPES_PATH, generatedTypes } from "./openapi-types";

describe("the /api/v1 contract", () => {
  it("the committed client types are generated from the current document (run `npm run api:types`)", async () => {
    expect(await readFile(GENERATED_TYPES_PATH, "utf8")).toBe(await generatedTypes());
  });

  it("is OpenAPI 3.1 with every customer operation behind the bearer scheme and problem details for refusals", () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const operation of Object.values(item as Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> }>)) {
        const isCatalog = /^\/api\/v1\/(products|search)/.test(path);
        expect(operation.security, path).toEqual(isCatalog ? [] : [{ bearer: [] }]);
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) >= 400) expect(Object.keys(response.content ?? {}), `${path} ${status}`).toEqual(["application/problem+json"]);
        }
      }
    }
  });
});
