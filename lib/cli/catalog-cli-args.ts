import "server-only";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";

export type CatalogCliArgs = { ok: true; file: string; dryRun: boolean; operator: string } | { ok: false; message: string };

/** The arguments of catalog:import and catalog:export: one file, and who runs it (default: the shell's user). */
export function parseCatalogCliArgs(args: string[], usage: string, { dryRun }: { dryRun: boolean }): CatalogCliArgs {
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { operator: { type: "string" }, ...(dryRun ? { "dry-run": { type: "boolean", default: false } } : {}) },
    });
    const [file, ...rest] = parsed.positionals;
    if (!file || rest.length > 0) return { ok: false, message: `Name one file.\n${usage}` };
    const operator = typeof parsed.values.operator === "string" && parsed.values.operator.trim() ? parsed.values.operator.trim() : shellUser();
    return { ok: true, file, dryRun: parsed.values["dry-run"] === true, operator };
  } catch (error) {
    return { ok: false, message: `${(error as Error).message}\n${usage}` };
  }
}

function shellUser(): string {
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}
