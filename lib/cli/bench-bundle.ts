/**
 * `npm run bench:bundle`: the client JavaScript the product page makes a
 * browser download, gzip-compressed, read from the production build in
 * NEXT_DIST_DIR (default .next; build it first with `npx next build`), against
 * the budget. Exits 1 when over budget, so CI can hold the line.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { clientBundleSize } from "./client-bundle-size";
import { runCli } from "./run-cli";

const ROUTE = "(shop)/products/[slug]/page";
const BUDGET_KB = 165;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

await runCli(async () => {
  const distDir = path.resolve(env.NEXT_DIST_DIR);
  if (!existsSync(path.join(distDir, "BUILD_ID"))) {
    console.error(`No production build in ${distDir}: run \`npx next build\` first (NEXT_DIST_DIR picks the folder).`);
    return 1;
  }
  const bundle = clientBundleSize(distDir, ROUTE);
  for (const { file, gzipBytes } of bundle.files) console.log(`  ${kb(gzipBytes).padStart(7)} KB  ${file}`);
  const within = bundle.gzipBytes <= BUDGET_KB * 1024;
  console.log(`Product page client JavaScript: ${kb(bundle.gzipBytes)} KB gzip (goal ≤ ${BUDGET_KB} KB) ${within ? "within budget" : "OVER BUDGET"}`);
  return within ? 0 : 1;
});
