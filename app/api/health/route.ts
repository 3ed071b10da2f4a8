import { rateLimitStoreStatus } from "@/lib/auth/rate-limit/store-status";
import { databaseIsUp } from "@/lib/dal/operations/health";
import { requestLogger } from "@/lib/log/request-logger";

/**
 * Liveness and readiness for load balancers: 200 when the database answers,
 * else 503. `rateLimits` is "fallback" while this instance's Redis is
 * unreachable and PostgreSQL stands in (the shop still works), else "primary".
 */
export async function GET() {
  const database = await databaseIsUp();
  if (!database) (await requestLogger()).warn({ check: "database" }, "health check failed");
  const limits = rateLimitStoreStatus();
  return Response.json(
    {
      status: database ? "ok" : "unavailable",
      database: database ? "up" : "down",
      // Which store is not named: the body must not describe the infrastructure.
      rateLimits: limits.onFallback ? "fallback" : "primary",
      time: new Date().toISOString(),
    },
    { status: database ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
