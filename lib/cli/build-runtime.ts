/**
 * `npm run build:runtime` (the second half of `npm run build`): bundles the
 * HTTP server, the worker and the production commands into dist/ as plain
 * JavaScript (lib/cli/runtime-bundles.ts).
 */
import { runCli } from "./run-cli";
import { buildRuntimeBundles } from "./runtime-bundles";
import { RUNTIME_DIR, runtimeEntries } from "./runtime-entries";

await runCli(async () => {
  const started = performance.now();
  await buildRuntimeBundles();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Bundled ${Object.keys(runtimeEntries).length} entry points into ${RUNTIME_DIR}/ in ${seconds} s.`);
});
