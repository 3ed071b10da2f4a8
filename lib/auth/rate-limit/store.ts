import "server-only";
import { once } from "node:events";
import { Redis } from "ioredis";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/** Where the counters live. Every app instance must use the same backend so limits hold across them. */
export type LimiterStore = { kind: "redis"; client: Redis } | { kind: "postgres"; pool: Pool };

/**
 * A counter of `points` per `duration` seconds; `blockDuration` seconds of refusal once exceeded.
 * `inMemoryBlockOnConsumed`: once a key has used that many points, this process refuses it from
 * memory until the window ends, without asking the store (for floods that must not cost a write each).
 */
export type LimiterOptions = { keyPrefix: string; points: number; duration: number; blockDuration?: number; inMemoryBlockOnConsumed?: number };

/** A rate-limiter-flexible limiter on a shared store. */
export type Limiter = RateLimiterStoreAbstract;

// Sign-in fails closed when the store is down, so a dead store must fail fast
// instead of holding requests until a TCP timeout.
const STORE_TIMEOUT_MS = 2_000;

/** A Redis store. Commands are refused (not queued) while disconnected, so outages surface at once. */
export function createRedisStore(url: string): LimiterStore {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: STORE_TIMEOUT_MS,
    commandTimeout: STORE_TIMEOUT_MS,
  });
  client.on("error", (error: Error) => logger.error({ err: error }, "rate-limit redis error"));
  return { kind: "redis", client };
}

/** A PostgreSQL store on its own small pool (counters must not starve Prisma's pool, nor it them). */
export function createPostgresStore(connectionString: string, max = Math.min(env.DATABASE_POOL_SIZE, 5)): LimiterStore {
  const pool = new Pool({
    connectionString,
    max,
    connectionTimeoutMillis: STORE_TIMEOUT_MS,
    query_timeout: STORE_TIMEOUT_MS,
  });
  // An idle client's error is emitted on the pool; unhandled, it would crash the process.
  pool.on("error", (error) => logger.error({ err: error }, "rate-limit postgres pool error"));
  return { kind: "postgres", pool };
}

const globalStore = globalThis as unknown as { rateLimitStore?: LimiterStore };

/**
 * The process-wide store: Redis when REDIS_URL is set, else the shop's
 * PostgreSQL. Created on first use so `next build` loads without a server.
 */
export function defaultLimiterStore(): LimiterStore {
  if (globalStore.rateLimitStore) return globalStore.rateLimitStore;
  if (env.REDIS_URL) {
    globalStore.rateLimitStore = createRedisStore(env.REDIS_URL);
  } else if (env.DATABASE_URL) {
    globalStore.rateLimitStore = createPostgresStore(env.DATABASE_URL);
  } else {
    throw new Error("Rate limiting needs REDIS_URL or DATABASE_URL.");
  }
  return globalStore.rateLimitStore;
}

/** A limiter on `store` (the process-wide one by default). Same keyPrefix and store: one shared budget. */
export function createLimiter(options: LimiterOptions, store: LimiterStore = defaultLimiterStore()): Limiter {
  if (store.kind === "redis") {
    return new RateLimiterRedis({ ...options, storeClient: store.client, rejectIfRedisNotReady: true });
  }
  // The table comes from Prisma migrations (model RateLimit, the library's own
  // layout); the library must never run DDL against the shop's database.
  return new RateLimiterPostgres({
    ...options,
    storeClient: store.pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
  });
}

/**
 * Resolves once the store can take commands. Redis refuses commands until
 * connected (no offline queue), so the first request after start waits for the
 * connection briefly rather than failing closed; PostgreSQL connects per query.
 */
export async function limiterStoreReady(store: LimiterStore, timeoutMs = STORE_TIMEOUT_MS): Promise<void> {
  if (store.kind !== "redis" || store.client.status === "ready") return;
  await once(store.client, "ready", { signal: AbortSignal.timeout(timeoutMs) });
}

/** Closes the store's connections (tests, shutdown). */
export async function closeLimiterStore(store: LimiterStore): Promise<void> {
  if (store.kind === "redis") store.client.disconnect();
  else await store.pool.end();
}
