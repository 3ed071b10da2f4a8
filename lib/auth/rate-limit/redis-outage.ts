import "server-only";
import type { Redis } from "ioredis";
import { logger } from "@/lib/log/logger";

/** Since when a Redis store has been unreachable (null: it answers, or has not failed yet). */
export type RedisOutage = { since: Date | null };

/**
 * Follows a Redis client's connection and logs an outage once when it begins
 * and once when it ends. ioredis emits an error on every reconnection attempt;
 * logging each would flood the log during an outage, so only the first counts.
 */
export function watchRedisOutage(client: Redis, options: { hasFallback: boolean }): RedisOutage {
  const outage: RedisOutage = { since: null };
  const begin = (error?: Error) => {
    if (outage.since) return;
    outage.since = new Date();
    logger.error(
      { err: error, fallback: options.hasFallback ? "postgres" : "none" },
      options.hasFallback
        ? "rate-limit Redis unavailable: limits are counted on the PostgreSQL fallback store until it is back"
        : "rate-limit Redis unavailable: limited requests are refused until it is back",
    );
  };
  client.on("error", (error: Error) => {
    // An error on a live connection is not an outage: log it, and commands it failed went to the fallback.
    if (client.status === "ready") logger.error({ err: error }, "rate-limit Redis error");
    else begin(error);
  });
  client.on("reconnecting", () => begin());
  client.on("ready", () => {
    if (!outage.since) return;
    const seconds = Math.round((Date.now() - outage.since.getTime()) / 1000);
    outage.since = null;
    logger.warn({ outageSeconds: seconds }, "rate-limit Redis is back: limits are counted in Redis again");
  });
  return outage;
}
