import type { Instrumentation } from "next";

/** Validates the configuration once at start-up, so a misconfigured server fails before serving. */
export async function register() {
  // NEXT_RUNTIME is set by Next before any module loads; lib/env.ts cannot load in the edge runtime.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("@/lib/env");
  const { authSecret } = await import("@/lib/auth/secret");
  authSecret(); // throws in production without AUTH_SECRET
  const { assertKeyRingConfigured } = await import("@/lib/crypto/key-ring");
  assertKeyRingConfigured(); // throws in production without FIELD_ENCRYPTION_KEYS
  const { assertBlindIndexKeyConfigured } = await import("@/lib/crypto/blind-index");
  assertBlindIndexKeyConfigured(); // throws in production without BLIND_INDEX_KEY
  const { assertAuditChainKeyConfigured } = await import("@/lib/audit/chain-key");
  assertAuditChainKeyConfigured(); // throws in production without AUDIT_CHAIN_KEY
  const { warnIfRuntimeUnsupported } = await import("@/lib/self-check/runtime-warning");
  warnIfRuntimeUnsupported(); // a runtime past its end of life gets no security fixes
  // Connect the job sender (and install the queue schema on a new database) before the
  // first request, so no request's transaction waits for it.
  // A database that is down at start-up must not keep the server from starting (health reports it).
  const { jobSender } = await import("@/lib/queue/sender");
  await jobSender().catch(async (error: unknown) => {
    const { logger } = await import("@/lib/log/logger");
    logger.warn({ err: error }, "job queue not reachable at start-up; will retry on first use");
  });
}

/**
 * Unexpected errors: logged with the request id (the user sees only generic
 * text and the error digest), never the message in the response.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // NEXT_RUNTIME is set by Next before any module loads; lib/env.ts cannot load in the edge runtime.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/log/logger");
  const { loggablePath } = await import("@/lib/http/loggable-path");
  const requestId = [request.headers["x-request-id"]].flat()[0] ?? "unknown";
  logger.error(
    { err: error, requestId, method: request.method, path: loggablePath(request.path), route: context.routePath },
    "request failed",
  );
};
