/**
 * A request path as logs may record it: the secret segment of an
 * order-status link (/orders/status/<token>) is replaced, so a failure
 * logged while serving one never writes a working link into the logs.
 * Plain TypeScript (no server-only): the shop's HTTP server loads it too.
 */
export function loggablePath(path: string): string {
  return path.replace(/^(\/orders\/status\/)[^/?#]+/, "$1[token]");
}
