/**
 * Who sent a request, as recorded with sessions, security events and audit
 * entries. Plain types with no imports: the request layer (lib/auth) builds
 * them from headers and the data access layer (lib/dal) stores them, so
 * neither has to import the other for them.
 */

/** IP (from trusted proxy hops only) and user agent of a request. */
export type RequestContext = {
  ip: string;
  userAgent: string;
  /** ISO country code from a trusted proxy's header, only when CLIENT_COUNTRY_HEADER is set. */
  country?: string;
};

/** A request's context plus its request id, for audit entries. */
export type AuditContext = { ip: string; userAgent: string; requestId: string | null };
