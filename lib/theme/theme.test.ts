import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shopConfig } from "@/shop.config";
import { contrastRatio } from "./contrast";
import { renderThemeCss, THEME_CSS_PATH } from "./theme-css";

const { colors } = shopConfig.theme;
const white = "#ffffff";

/** Text and the backgrounds the components put it on: each pair must reach WCAG AA (4.5:1). */
const textPairs: [string, string, string][] = [
  ["body text", colors.neutral[900], white],
  ["muted text", colors.neutral[700], white],
  ["muted text on a panel", colors.neutral[700], colors.neutral[50]],
  ["muted text on a hovered row", colors.neutral[700], colors.neutral[100]],
  ["links", colors.brand[700], white],
  ["links on a panel", colors.brand[700], colors.neutral[50]],
  ["links on a hovered row", colors.brand[700], colors.neutral[100]],
  ["buttons", white, colors.brand[700]],
  ["hovered buttons", white, colors.brand[800]],
  ["the admin's header", white, colors.neutral[900]],
  ["errors", colors.danger[800], white],
  ["error panels", colors.danger[900], colors.danger[50]],
  ["danger buttons", white, colors.danger[700]],
  ["confirmations", colors.success[900], colors.success[50]],
  ["badges", colors.success[800], colors.success[100]],
  ["warnings", colors.warning[950], colors.warning[50]],
  ["warning badges", colors.warning[900], colors.warning[100]],
  ["notices", colors.brand[900], colors.brand[100]],
];

async function sourceFiles(entry: string): Promise<string[]> {
  const children = await readdir(entry, { withFileTypes: true });
  const nested = await Promise.all(children.map((child) => (child.isDirectory() ? sourceFiles(path.join(entry, child.name)) : [path.join(entry, child.name)])));
  return nested.flat().filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file));
}

describe("design tokens (shop.config.ts → app/theme.css)", () => {
  it("app/theme.css is in step with the configuration", async () => {
    const written = await readFile(THEME_CSS_PATH, "utf8");
    expect(written, `${THEME_CSS_PATH} is out of date: run \`npm run theme:css\``).toBe(renderThemeCss(shopConfig.theme));
  });

  it.each(textPairs)("%s are readable: at least 4.5:1", (_name, foreground, background) => {
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });

  it("components name only the configured palettes and shades", async () => {
    const palettes = new Set(Object.keys(colors));
    const files = (await Promise.all(["app", "components"].map(sourceFiles))).flat();
    const strays: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const [utility, palette = "", shade = ""] of text.matchAll(/\b(?:text|bg|border|divide|ring|outline|fill|stroke|from|to|via|decoration|accent|caret|placeholder)-([a-z]+)-(\d{2,3})\b/g)) {
        const shades = palettes.has(palette) ? (colors as Record<string, Record<string, string>>)[palette] : undefined;
        if (!shades?.[shade]) strays.push(`${file}: ${utility}`);
      }
    }
    expect(strays).toEqual([]);
  });

  it("the contrast measure is WCAG's: black on white is 21:1, a colour on itself 1:1", () => {
    expect(contrastRatio("#000000", white)).toBeCloseTo(21, 5);
    expect(contrastRatio(colors.brand[700], colors.brand[700])).toBe(1);
  });
});
