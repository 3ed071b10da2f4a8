/**
 * `npm run dev`: next dev on the demo's database and keys when DATABASE_URL is
 * unset (lib/cli/dev-launch.ts). next dev reads the .env files itself; they are
 * read here first, the way it reads them, so a DATABASE_URL set in .env counts
 * as set rather than being hidden behind the embedded database's. The launcher
 * is imported only afterwards: lib/env.ts reads the environment once, on import.
 */
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), true);
await import("./dev-launch");
