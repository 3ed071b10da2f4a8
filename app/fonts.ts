import localFont from "next/font/local";

/**
 * The shop's typeface, self-hosted: the file ships with the build and is
 * served from the shop's origin (the CSP allows fonts from 'self' only, and
 * no visitor's address goes to a font service). shop.config.ts's theme names
 * it through the --font-brand variable. Inter (SIL Open Font License),
 * Latin, every weight in one variable file.
 */
export const brandFont = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  // "optional": the preloaded file is used when it is there for the first paint, and the page never
  // re-lays its text out when it arrives late (a swap would move the largest paint to that moment).
  display: "optional",
  variable: "--font-brand",
});
