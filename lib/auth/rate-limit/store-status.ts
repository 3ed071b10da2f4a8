import "server-only";
import { env } from "@/lib/env";
import { existingDefaultLimiterStore, type LimiterStore } from "./store";

/** Where this instance counts rate limits now, for the health endpoint and the staff dashboard. */
export type RateLimitStoreStatus = {
  store: "redis" | "postgres";
  /** Redis is unreachable and limits are counted on the PostgreSQL fallback store. */
  onFallback: boolean;
  /** When the current Redis outage began (null when there is none). */
  since: Date | null;
};

/**
 * The status of `store` (default: this process's store). Reads state only:
 * asking never opens a connection, so a health probe cannot create one.
 */
export function rateLimitStoreStatus(store: LimiterStore | undefined = existingDefaultLimiterStore()): RateLimitStoreStatus {
  if (!store) return { store: env.REDIS_URL ? "redis" : "postgres", onFallback: false, since: null };
  if (store.kind === "postgres") return { store: "postgres", onFallback: false, since: null };
  const since = store.outage.since;
  return { store: "redis", onFallback: since !== null && store.fallback !== null, since };
}
