/**
 * Prisma's schema engine, run as WebAssembly through a driver adapter.
 *
 * The Prisma CLI downloads a native schema engine on first use; where that
 * download is impossible (offline builds, locked-down CI) this wrapper gives the
 * same migration SQL and the same `_prisma_migrations` bookkeeping, so the
 * migrations folder stays compatible with `prisma migrate deploy`.
 * The wasm package's API is internal: its version is pinned in package.json.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { readInternalChar } from "./internal-char";

const require = createRequire(import.meta.url);

/** Connection fields; PrismaPg is given these rather than a URL string. */
export type PgTarget = { host: string; port: number; user: string; password: string; database: string };

export function parsePgUrl(url: string): PgTarget {
  const parsed = new URL(url);
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error("DATABASE_URL must be a postgresql:// URL");
  return {
    host: decodeURIComponent(parsed.hostname) || "127.0.0.1",
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username || "postgres"),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1) || "postgres"),
  };
}

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  // The .wasm file is not in the package's exports map: locate it beside the bindings.
  const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const compiled = await WebAssembly.compile(await readFile(wasmPath));
  const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bindings;
}

type ScriptAdapter = { executeScript(script: string): Promise<void> };

/**
 * The pg adapter splits a migration script on every ";", which breaks SQL
 * that legitimately contains one (a trigger function's body, a comment). A
 * script without parameters can go to PostgreSQL whole instead: the simple
 * query protocol parses it properly and runs it as one implicit transaction.
 */
function sendScriptsWhole<T extends ScriptAdapter>(adapter: T): T {
  const { client, onError } = adapter as unknown as { client: pg.Pool | pg.PoolClient; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await client.query(script);
    } catch (error) {
      onError.call(adapter, error);
    }
  };
  return adapter;
}

class WholeScriptPg extends PrismaPg {
  override async connect() {
    return readInternalChar(sendScriptsWhole(await super.connect()));
  }

  override async connectToShadowDb() {
    return readInternalChar(sendScriptsWhole(await super.connectToShadowDb()));
  }
}

/**
 * Runs `work` with a schema engine bound to one database and one schema file.
 * The connection pool is ours and is closed afterwards: the engine holds a
 * session-level advisory lock while migrating, and a pool left open would keep
 * it, stalling the next migration run.
 */
export async function withSchemaEngine<T>(
  target: PgTarget,
  schema: { path: string; content: string },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const pool = new pg.Pool({ ...target, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));
  const log = () => undefined;
  try {
    const engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, adapter);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}
