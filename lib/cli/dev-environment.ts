import "server-only";

/** The operator's settings (lib/env.ts's `env`, or any plain object in tests). */
type Settings = Partial<Record<string, unknown>>;

/** `npm run dev` prepares the demo's embedded database and local keys only when no database is configured. */
export function usesLocalDatabase(operator: Settings): boolean {
  return !operator.DATABASE_URL;
}

/**
 * The variables `npm run dev` adds for `next dev` on top of the operator's
 * environment. With DATABASE_URL set: none (next dev runs as configured).
 * Without: the local installation's settings (the embedded database's URL, the
 * keys kept in DATA_DIR, the audit chain key), the same the demo gives its
 * processes, except that a value the operator set always wins and NODE_ENV is
 * left to next dev (development).
 */
export function nextDevEnvironment(operator: Settings, local: Record<string, string | undefined> | null): Record<string, string> {
  if (!usesLocalDatabase(operator) || !local) return {};
  const added: Record<string, string> = {};
  for (const [name, value] of Object.entries(local)) {
    if (name === "NODE_ENV" || value === undefined || value === "") continue;
    if (operator[name] !== undefined && operator[name] !== "") continue;
    added[name] = value;
  }
  return added;
}
