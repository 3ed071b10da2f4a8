import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOG_IMPORT_NODE_FLAGS } from "./catalog-import-memory";

describe("the catalog import's memory limits", () => {
  it("are the ones package.json runs the import command with", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    for (const flag of CATALOG_IMPORT_NODE_FLAGS) expect(scripts["catalog:import"]).toContain(flag);
  });
});
