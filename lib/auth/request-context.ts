import "server-only";
import { clientIp } from "@/lib/http/client-ip";
import type { RequestContext } from "@/lib/context/request-context";

/** IP (from trusted proxy hops only) and user agent of a request, for sessions and security events. */
export function requestContext(headers: Headers): RequestContext {
  return { ip: clientIp(headers), userAgent: (headers.get("user-agent") ?? "unknown").slice(0, 400) };
}

/** Reads one cookie from a raw Cookie header. */
export function cookieFromHeader(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}
