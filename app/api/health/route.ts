import { databaseIsUp } from "@/lib/dal/health";
import { requestLogger } from "@/lib/log/request-logger";

/** Liveness and readiness for load balancers: 200 when the database answers, else 503. */
export async function GET() {
  const database = await databaseIsUp();
  if (!database) (await requestLogger()).warn({ check: "database" }, "health check failed");
  return Response.json(
    { status: database ? "ok" : "unavailable", database: database ? "up" : "down", time: new Date().toISOString() },
    { status: database ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
