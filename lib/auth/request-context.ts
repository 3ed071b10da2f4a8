import "server-only";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import type { RequestContext } from "@/lib/context/request-context";

/** IP (from trusted proxy hops only) and user agent of a request, for sessions and security events. */
export function requestContext(headers: Headers): RequestContext {
  const context: RequestContext = { ip: clientIp(headers), userAgent: (headers.get("user-agent") ?? "unknown").slice(0, 400) };
  // Only a header the operator named: a trusted proxy sets it, and it overwrites whatever the client sent.
  const country = env.CLIENT_COUNTRY_HEADER ? headers.get(env.CLIENT_COUNTRY_HEADER)?.trim().toUpperCase() : undefined;
  if (country && /^[A-Z][A-Z0-9]$/.test(country)) context.country = country;
  return context;
}

/** Reads one cookie from a raw Cookie header. */
export function cookieFromHeader(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}
