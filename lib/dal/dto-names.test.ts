import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * A DTO's name says who may see it, one way: Public… (anyone), Customer… (the
 * signed-in owner of the data) or Staff… (the admin, behind a permission).
 */
const dalRoot = path.join(process.cwd(), "lib/dal");
/** Handed to a route handler, never rendered: its audience is a field of each value ("public" or "staff"). */
const perValueAudience = new Set(["ProductImageFileDTO"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("DTO names", () => {
  it("start with Public, Customer or Staff", () => {
    const names = sourceFiles(dalRoot).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/export (?:type|interface) (\w+DTO)\b/g)].map((match) => match[1] ?? ""),
    );
    expect(names.length).toBeGreaterThan(20);
    const misnamed = names.filter((name) => !/^(Public|Customer|Staff)[A-Z]/.test(name) && !perValueAudience.has(name));
    expect(misnamed).toEqual([]);
  });
});
