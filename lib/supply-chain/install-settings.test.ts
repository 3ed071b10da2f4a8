import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(join(process.cwd(), file), "utf8");
const npmrc = Object.fromEntries(
  read(".npmrc")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => line.split("=").map((part) => part.trim()) as [string, string]),
);
const pkg = JSON.parse(read("package.json")) as { engines: { node: string }; devDependencies: Record<string, string> };

// npm checks `engines` against the Node that runs npm, not the one the scripts run on (.npmrc explains).
describe("install settings", () => {
  it("keep an older system Node's engine notices out of npm ci without failing the install", () => {
    expect(npmrc["engine-strict"]).toBe("false");
    expect(npmrc.loglevel).toBe("error");
  });

  it("bring a Node runtime inside the engines range, so the scripts run on a supported Node", () => {
    const runtime = pkg.devDependencies.node;
    const major = Number(/^(\d+)\.\d+\.\d+$/.exec(runtime ?? "")?.[1]);
    const [, lowest, below] = /^>=(\d+) <(\d+)$/.exec(pkg.engines.node) ?? [];
    expect(major).toBeGreaterThanOrEqual(Number(lowest));
    expect(major).toBeLessThan(Number(below));
    expect(read(".nvmrc").trim()).toBe(String(major));
  });
});
