import type { ShopConfig } from "@/shop.config";

/** Where `npm run theme:css` writes the theme (imported by app/globals.css). */
export const THEME_CSS_PATH = "app/theme.css";

/**
 * shop.config.ts's design tokens as Tailwind theme variables. Tailwind's own
 * palette is switched off (`--color-*: initial`), so a class naming any other
 * colour (`text-danger-700`) produces no style at all, and the tokens are the
 * only colours there are.
 */
export function renderThemeCss(theme: ShopConfig["theme"]): string {
  const colors = Object.entries(theme.colors).flatMap(([palette, shades]) =>
    Object.entries(shades).map(([shade, value]) => `  --color-${palette}-${shade}: ${value};`),
  );
  const font = theme.fontSans.map((family) => (/\s/.test(family) ? `"${family}"` : family)).join(", ");
  return [
    "/* Generated from shop.config.ts by `npm run theme:css`: edit the configuration, not this file. */",
    "@theme {",
    "  --color-*: initial;",
    "  --color-white: #ffffff;",
    "  --color-black: #000000;",
    ...colors,
    `  --font-sans: ${font};`,
    "}",
    "",
  ].join("\n");
}
