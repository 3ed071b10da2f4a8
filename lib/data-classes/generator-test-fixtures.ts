import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { childProcessEnv } from "@/lib/env";

const run = promisify(execFile);
const root = process.cwd();

type GeneratedModule = typeof import("@/lib/generated/data-classes");

/** What `prisma generate` made of a schema: the module it wrote, or the error it failed with. */
export type GeneratorRun = { ok: true; source: string; generated: GeneratedModule } | { ok: false; output: string };

/**
 * Runs the real `prisma generate` (offline, as postinstall does) with only the
 * data classes generator on `schemaText`, writing to a scratch folder under
 * .vitest/ (gitignored) that is removed afterwards. The generator block is
 * appended, so the fixture's line numbers stay as written.
 */
export async function generateDataClasses(schemaText: string): Promise<GeneratorRun> {
  const dir = join(root, ".vitest", `data-classes-${randomBytes(6).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  const schemaPath = join(dir, "schema.prisma");
  const output = join(dir, "data-classes.ts");
  const generator = join(root, "prisma", "generators", "data-classes.mjs");
  writeFileSync(schemaPath, `${schemaText}\ngenerator dataClasses {\n  provider = "node ${generator}"\n  output   = "${output}"\n}\n`);
  try {
    await run(join(root, "node_modules", ".bin", "prisma"), ["generate", "--schema", schemaPath], {
      cwd: root,
      env: childProcessEnv({ PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", CHECKPOINT_DISABLE: "1", NO_COLOR: "1" }),
    });
    const generated = (await import(/* @vite-ignore */ pathToFileURL(output).href)) as GeneratedModule;
    return { ok: true, source: readFileSync(output, "utf8"), generated };
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    if (stdout === "" && stderr === "") throw error;
    return { ok: false, output: `${stdout}\n${stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The schema with its own generator blocks removed, for a run of generateDataClasses alone. */
export function withoutGenerators(schemaText: string): string {
  return schemaText.replace(/^generator\s+\w+\s*\{[^}]*\}\s*$/gm, "");
}
