import { resolve } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const projectRoot = resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: projectRoot, overrideConfigFile: resolve(projectRoot, "eslint.config.mjs") });

// Type-aware rules only see files of the TypeScript project, so each snippet stands in for the
// content of a file the project has: this test file for lib/, the sign-in form for a component.
const libFile = "lib/lint/promise-rules.test.ts";
const componentFile = "components/auth/sign-in-form.tsx";

/** Lints `code` with the project's real config as the content of the project file at `path`. */
async function ruleIds(code: string, path: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(projectRoot, path) });
  return result?.messages.map((message) => message.ruleId) ?? [];
}

const save = "async function save(): Promise<void> {}\n";

describe("lint: promise habits (type-aware rules)", () => {
  // The first type-aware lint builds the TypeScript program (seconds on a busy machine): once, here.
  beforeAll(async () => {
    await ruleIds(save, libFile);
  });

  it("fails on a promise nobody awaits or handles", async () => {
    expect(await ruleIds(`${save}export function submit(): void {\n  save();\n}\n`, libFile)).toContain(
      "@typescript-eslint/no-floating-promises",
    );
  });

  it("fails on a promise marked with void but given no rejection handler", async () => {
    expect(await ruleIds(`${save}export function submit(): void {\n  void save();\n}\n`, libFile)).toContain(
      "@typescript-eslint/no-floating-promises",
    );
  });

  it("fails on a promise-returning function where a void callback is expected", async () => {
    const code = `${save}export function later(): void {\n  setTimeout(async () => save(), 10);\n}\n`;
    expect(await ruleIds(code, libFile)).toContain("@typescript-eslint/no-misused-promises");
  });

  it("fails on an async React event handler", async () => {
    const code = `${save}export function Form() {\n  return <form onSubmit={async () => save()} />;\n}\n`;
    expect(await ruleIds(code, componentFile)).toContain("@typescript-eslint/no-misused-promises");
  });

  it("passes awaited promises and fire-and-forget with its rejection handled", async () => {
    const code = `${save}export async function submit(): Promise<void> {\n  await save();\n  void save().catch(() => undefined);\n}\n`;
    expect(await ruleIds(code, libFile)).toEqual([]);
  });

  it("lints plain JavaScript config files without type information", async () => {
    // Outside the TypeScript project a type-aware rule would fail to parse the file at all.
    expect(await ruleIds("async function save() {}\nsave();\n", "lib/lint/folder-cycles.mjs")).toEqual([]);
  });
});
