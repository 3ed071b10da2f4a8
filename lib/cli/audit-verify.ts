/**
 * `npm run audit:verify`: recomputes the audit log's hash chain and names the
 * first broken entry. Exit code 0 when intact, 1 when broken.
 */
import { runWithShopDatabase } from "./with-shop-database";

process.exitCode = await runWithShopDatabase("lib/cli/audit-verify-run.ts", process.argv.slice(2));
