import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The wasm schema engine writes the migrations; the Prisma CLI generates the
// client and runs `prisma migrate deploy` where it can download its engine.
// Both must be the same engine build, or the SQL one writes may differ from
// what the other expects.
const projectDir = resolve(import.meta.dirname, "../..");

type Manifest = { name: string; version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

/** The installed package `name` as Node would find it from `fromDir` (nearest node_modules up the tree). */
function installed(name: string, fromDir = projectDir): Manifest & { dir: string } {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) {
      return { ...(JSON.parse(readFileSync(join(candidate, "package.json"), "utf8")) as Manifest), dir: candidate };
    }
    if (dirname(dir) === dir) throw new Error(`${name} is not installed`);
  }
}

/** The engines' commit: the part after the last "." of an engines version such as 8.1.0-1.d1b3…. */
function engineCommit(version: string): string {
  return version.slice(version.lastIndexOf(".") + 1);
}

describe("schema engine version", () => {
  it("is the build the Prisma CLI uses", () => {
    const engines = installed("@prisma/engines", installed("prisma").dir);
    const cliEngines = installed("@prisma/engines-version", engines.dir).version;
    const wasm = installed("@prisma/schema-engine-wasm").version;
    expect(engineCommit(wasm)).toMatch(/^[0-9a-f]{40}$/);
    expect(wasm).toBe(cliEngines);
  });

  it("is pinned exactly, as is the CLI", () => {
    const project = JSON.parse(readFileSync(join(projectDir, "package.json"), "utf8")) as Manifest;
    expect(project.dependencies?.["@prisma/schema-engine-wasm"]).toBe(installed("@prisma/schema-engine-wasm").version);
    // The CLI is a development tool (production migrates through the wasm engine): either list will do.
    expect(project.dependencies?.prisma ?? project.devDependencies?.prisma).toBe(installed("prisma").version);
  });
});
