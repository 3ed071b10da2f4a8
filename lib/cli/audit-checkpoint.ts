/**
 * `npm run audit:checkpoint`: writes a signed checkpoint of the audit chain
 * now (the worker writes one every minute), to AUDIT_CHECKPOINT_FILE when set
 * and to the log. Exit code 0 when written, non-zero otherwise.
 */
import { runWithShopDatabase } from "./with-shop-database";

// process.exit, not exitCode: an exit hook of the embedded PostgreSQL package would otherwise report success.
process.exit(await runWithShopDatabase("audit-checkpoint-run", process.argv.slice(2)));
