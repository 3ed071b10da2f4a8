/**
 * `npm run security:check`: lists the setup's security state (lib/self-check),
 * each item ok, warn or fail with a one-line fix. Exit code 0 when nothing
 * fails (warnings allowed), 1 when an item fails or the configuration is
 * refused outright, so a deployment pipeline can stop on it.
 */
import { runCli } from "./run-cli";

await runCli(async () => {
  let run: typeof import("./security-check-run");
  try {
    // Loading the settings throws on an invalid configuration (lib/env.ts): that is a failing item too.
    run = await import("./security-check-run");
  } catch (error) {
    console.log(`FAIL  Configuration: ${(error as Error).message}`);
    console.log("      Fix: correct the settings named above (README, Settings).");
    return 1;
  }
  return run.securityCheck();
});
