import "server-only";
import { headers } from "next/headers";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { requestContext } from "./request-context";
import type { AuditContext } from "@/lib/context/request-context";

/** IP, user agent and request id of the current request (proxy.ts sets the id), for audit entries. */
export async function auditContext(): Promise<AuditContext> {
  const requestHeaders = await headers();
  return { ...requestContext(requestHeaders), requestId: requestHeaders.get(REQUEST_ID_HEADER) };
}
