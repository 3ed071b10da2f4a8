import "server-only";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { logger } from "./logger";

/** A child logger carrying the current request's id (set by proxy.ts). */
export async function requestLogger() {
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? "unknown";
  return logger.child({ requestId });
}
