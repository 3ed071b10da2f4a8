/**
 * `npm run theme:css`: writes app/theme.css from the design tokens in
 * shop.config.ts. A test fails when the file is out of step with them.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderThemeCss, THEME_CSS_PATH } from "@/lib/theme/theme-css";
import { shopConfig } from "@/shop.config";

writeFileSync(join(process.cwd(), THEME_CSS_PATH), renderThemeCss(shopConfig.theme));
console.log(`Wrote ${THEME_CSS_PATH}.`);
