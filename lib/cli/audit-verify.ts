/**
 * `npm run audit:verify`: recomputes the audit log's hash chain and names the
 * first broken entry. Exit code 0 when intact, 1 when broken.
 */
import { runCli } from "./run-cli";
import { runWithShopDatabase } from "./with-shop-database";

await runCli(() => runWithShopDatabase("audit-verify-run", process.argv.slice(2)));
