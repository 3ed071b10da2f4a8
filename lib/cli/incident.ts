/**
 * `npm run incident:<tool> -- …`: the incident response tools from the shell
 * (docs/incident-response.md): end-sessions, force-reset, lockdown,
 * rotate-keys, notify, timeline. Each needs --reason and is audited as actor
 * "cli", role "operator" (--operator, default the shell's user name).
 * Exit codes: 0 done, 1 refused or failed, 2 bad usage.
 */
import { runCli } from "./run-cli";
import { runWithShopDatabase } from "./with-shop-database";

await runCli(() => runWithShopDatabase("incident-run", process.argv.slice(2)));
