import "server-only";
import { join } from "node:path";

/**
 * The programs production runs, bundled to plain JavaScript by `npm run build`
 * (lib/cli/build-runtime.ts) into dist/<name>.js, so the server, the worker and
 * the operator's commands start with `node` alone: no TypeScript loader at run
 * time, no sources in the image. `reactServer` entries run, as they are
 * bundled, under the react-server export condition (server-only modules);
 * the HTTP server hosts all of Next, so it runs without it.
 */
export const runtimeEntries = {
  "http-server": { source: "lib/cli/http-server.ts", reactServer: false },
  worker: { source: "lib/cli/worker.ts", reactServer: true },
  start: { source: "lib/cli/start.ts", reactServer: true },
  "db-migrate": { source: "prisma/tools/migrate.ts", reactServer: true },
  "db-seed": { source: "prisma/seed/run.ts", reactServer: true },
  "staff-create": { source: "lib/cli/staff-create.ts", reactServer: true },
  "staff-create-run": { source: "lib/cli/staff-create-run.ts", reactServer: true },
  "audit-verify": { source: "lib/cli/audit-verify.ts", reactServer: true },
  "audit-verify-run": { source: "lib/cli/audit-verify-run.ts", reactServer: true },
  "audit-checkpoint": { source: "lib/cli/audit-checkpoint.ts", reactServer: true },
  "audit-checkpoint-run": { source: "lib/cli/audit-checkpoint-run.ts", reactServer: true },
  "keys-rotate": { source: "lib/cli/rotate-keys.ts", reactServer: true },
  "security-check": { source: "lib/cli/security-check.ts", reactServer: true },
  incident: { source: "lib/cli/incident.ts", reactServer: true },
  "incident-run": { source: "lib/cli/incident-run.ts", reactServer: true },
} as const;

export type RuntimeEntry = keyof typeof runtimeEntries;

/** Where the bundles go (gitignored), relative to the project root every command runs from. */
export const RUNTIME_DIR = "dist";

/** The `node` arguments that run a built entry point with `args`. */
export function runtimeNodeArgs(entry: RuntimeEntry, args: string[] = []): string[] {
  const conditions = runtimeEntries[entry].reactServer ? ["--conditions=react-server"] : [];
  return [...conditions, join(RUNTIME_DIR, `${entry}.js`), ...args];
}
