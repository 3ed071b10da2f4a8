import "server-only";
import { once } from "node:events";
import { Redis } from "ioredis";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { type RedisOutage, watchRedisOutage } from "./redis-outage";

/** Counters in the shop's PostgreSQL (table rate_limits). */
export type PostgresLimiterStore = { kind: "postgres"; pool: Pool };

/**
 * Counters in Redis. While Redis is unreachable, every limiter on it counts on
 * `fallback` instead (rate-limiter-flexible's insurance limiter), so limits keep
 * holding across instances and nobody is refused because a store is down.
 */
export type RedisLimiterStore = { kind: "redis"; client: Redis; fallback: PostgresLimiterStore | null; outage: RedisOutage };

/** Where the counters live. Every app instance must use the same backend so limits hold across them. */
export type LimiterStore = RedisLimiterStore | PostgresLimiterStore;

/**
 * A counter of `points` per `duration` seconds; `blockDuration` seconds of refusal once exceeded.
 * `inMemoryBlockOnConsumed`: once a key has used that many points, this process refuses it from
 * memory until the window ends, without asking the store (for floods that must not cost a write each).
 */
export type LimiterOptions = { keyPrefix: string; points: number; duration: number; blockDuration?: number; inMemoryBlockOnConsumed?: number };

/** A rate-limiter-flexible limiter on a shared store. */
export type Limiter = RateLimiterStoreAbstract;

// A dead store must fail fast (to the fallback, or to a refusal) instead of
// holding requests until a TCP timeout.
const STORE_TIMEOUT_MS = 2_000;

/**
 * A Redis store, with `fallback` for its outages. Commands are refused (not
 * queued) while disconnected, so an outage moves counting to the fallback at once.
 */
export function createRedisStore(url: string, fallback: PostgresLimiterStore | null = null): RedisLimiterStore {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: STORE_TIMEOUT_MS,
    commandTimeout: STORE_TIMEOUT_MS,
  });
  const outage = watchRedisOutage(client, { hasFallback: fallback !== null });
  return { kind: "redis", client, fallback, outage };
}

/** A PostgreSQL store on its own small pool (counters must not starve Prisma's pool, nor it them). */
export function createPostgresStore(connectionString: string, max = Math.min(env.DATABASE_POOL_SIZE, 5)): PostgresLimiterStore {
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

/** The process-wide store if it was created already (nothing connects). */
export function existingDefaultLimiterStore(): LimiterStore | undefined {
  return globalStore.rateLimitStore;
}

/**
 * The process-wide store: Redis when REDIS_URL is set (with the shop's
 * PostgreSQL as its fallback), else the shop's PostgreSQL. Created on first
 * use so `next build` loads without a server.
 */
export function defaultLimiterStore(): LimiterStore {
  if (globalStore.rateLimitStore) return globalStore.rateLimitStore;
  if (env.REDIS_URL) {
    const fallback = env.DATABASE_URL ? createPostgresStore(env.DATABASE_URL) : null;
    globalStore.rateLimitStore = createRedisStore(env.REDIS_URL, fallback);
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
    // Same options and key prefix on the fallback: an outage changes where counting happens, not the policy.
    const insuranceLimiter = store.fallback ? createLimiter(options, store.fallback) : undefined;
    return new RateLimiterRedis({ ...options, storeClient: store.client, rejectIfRedisNotReady: true, insuranceLimiter });
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
 * connection briefly rather than counting elsewhere; PostgreSQL connects per
 * query. During a known outage nothing waits: the fallback answers at once.
 * Throws only for a Redis store without a fallback that cannot be reached.
 */
export async function limiterStoreReady(store: LimiterStore, timeoutMs = STORE_TIMEOUT_MS): Promise<void> {
  if (store.kind !== "redis" || store.client.status === "ready") return;
  if (store.fallback && store.outage.since) return;
  try {
    await once(store.client, "ready", { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (!store.fallback) throw error;
  }
}

/** Closes the store's connections, its fallback's included (tests, shutdown). */
export async function closeLimiterStore(store: LimiterStore): Promise<void> {
  if (store.kind === "postgres") return store.pool.end();
  store.client.disconnect();
  if (store.fallback) await store.fallback.pool.end();
}
