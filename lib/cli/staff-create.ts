/**
 * `npm run staff:create -- --email <e> --role <role> [--name <n>] [--password-stdin | --setup-link]`:
 * creates a staff account (the first owner, typically). The password is asked
 * for (hidden) on a terminal, read from standard input with --password-stdin
 * for automation, or replaced by a single-use set-up link with --setup-link.
 * Two-factor enrolment is required at the account's first sign-in.
 */
import { runCli } from "./run-cli";
import { runWithShopDatabase } from "./with-shop-database";

await runCli(() => runWithShopDatabase("staff-create-run", process.argv.slice(2)));
