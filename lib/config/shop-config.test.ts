import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shopConfig } from "@/shop.config";

/*
 * shop.config.ts is the one place that names the shop's currency and locale:
 * a fork that changes them there must not find a second, forgotten copy.
 * Tests, fixtures, benchmarks and generated code may name any currency they exercise.
 */
const ROOTS = ["app", "lib", "components", "prisma/seed", "proxy.ts"];
const EXEMPT = [/\.test\.tsx?$/, /test-fixtures/, /^lib\/cli\/bench-/, /^lib\/generated\//, /\.d\.ts$/];
const currencies = new Set(Intl.supportedValuesOf("currency"));

async function sourceFiles(entry: string): Promise<string[]> {
  const stats = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!stats) return [entry];
  const nested = await Promise.all(stats.map((child) => sourceFiles(path.join(entry, child.name))));
  return nested.flat().filter((file) => /\.(ts|tsx)$/.test(file));
}

/** Code lines only: comments may give examples. */
const codeLines = (text: string) =>
  text.split("\n").map((line, index) => ({ line, number: index + 1 })).filter(({ line }) => !/^\s*(\/\/|\/\*|\*)/.test(line));

async function literalsNamed(matches: (literal: string) => boolean): Promise<string[]> {
  const files = (await Promise.all(ROOTS.map(sourceFiles))).flat().filter((file) => !EXEMPT.some((pattern) => pattern.test(file)));
  const found: string[] = [];
  for (const file of files) {
    for (const { line, number } of codeLines(await readFile(file, "utf8"))) {
      for (const [, literal = ""] of line.matchAll(/["'`]([A-Za-z]{2,3}(?:-[A-Za-z]{2,4})?)["'`]/g)) {
        if (matches(literal)) found.push(`${file}:${number}: "${literal}"`);
      }
    }
  }
  return found;
}

describe("shop.config.ts", () => {
  it("names a currency Intl knows and a valid locale", () => {
    expect(currencies.has(shopConfig.currency)).toBe(true);
    expect(Intl.getCanonicalLocales(shopConfig.locale)).toEqual([shopConfig.locale]);
  });

  it("is the only code that names a currency", async () => {
    expect(await literalsNamed((literal) => /^[A-Z]{3}$/.test(literal) && currencies.has(literal))).toEqual([]);
  });

  it("is the only code that names a locale", async () => {
    expect(await literalsNamed((literal) => /^[a-z]{2}-[A-Z]{2}$/.test(literal))).toEqual([]);
  });
});
