import type { Instrumentation } from "next";

/** Validates the environment once at start-up, so a misconfigured server fails before serving. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("@/lib/env");
}

/**
 * Unexpected errors: logged with the request id (the user sees only generic
 * text and the error digest), never the message in the response.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/log/logger");
  const requestId = [request.headers["x-request-id"]].flat()[0] ?? "unknown";
  logger.error(
    { err: error, requestId, method: request.method, path: request.path, route: context.routePath },
    "request failed",
  );
};
