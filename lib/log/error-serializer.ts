/**
 * How errors appear in logs: type, message, code and stack only. Library
 * errors carry more as own properties (node-postgres attaches its client,
 * with connection parameters), and none of that may reach a log line
 * (ASVS V16.2.5: no connection strings or credentials in logs).
 */
export type LoggedError = { type: string; message: string; errorCode?: string; stack?: string; cause?: LoggedError };

export function serializeError(value: unknown, depth = 0): LoggedError | undefined {
  if (!(value instanceof Error)) return value === undefined ? undefined : { type: typeof value, message: String(value) };
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    message: value.message,
    ...(typeof code === "string" || typeof code === "number" ? { errorCode: String(code) } : {}),
    ...(value.stack ? { stack: value.stack } : {}),
    ...(value.cause !== undefined && depth < 3 ? { cause: serializeError(value.cause, depth + 1) } : {}),
  };
}
