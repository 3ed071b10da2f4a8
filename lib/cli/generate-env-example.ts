/**
 * `npm run env:example`: writes .env.example from the settings schema in
 * lib/env.ts (names, defaults, comments) so a fork starts from a complete,
 * current list. A test fails when the file is out of step with lib/env.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { envSchema } from "@/lib/env";
import { ENV_EXAMPLE_PATH, renderEnvExample } from "@/lib/env-example/env-example";
import { settingSources } from "@/lib/env-example/setting-comments";

const sources = settingSources(readFileSync(join(process.cwd(), "lib/env.ts"), "utf8"));
writeFileSync(join(process.cwd(), ENV_EXAMPLE_PATH), renderEnvExample(envSchema, sources));
console.log(`Wrote ${ENV_EXAMPLE_PATH} (${sources.length} settings).`);
