import autocannon from "autocannon";

/**
 * Settings the benchmarks start the production server with: fixed keys that
 * are bench-only (never a real shop's), so a run needs nothing configured.
 */
export const BENCH_SERVER_ENV = {
  AUTH_SECRET: "bench-only-secret-bench-only-secret-0123",
  FIELD_ENCRYPTION_KEYS: `bench:${Buffer.from("bench-only-field-key-bench-only!").toString("base64")}`,
  FIELD_ENCRYPTION_CURRENT_KEY: "bench",
  BLIND_INDEX_KEY: Buffer.from("bench-only-blind-index-key-bench").toString("base64"),
  AUDIT_CHAIN_KEY: Buffer.from("bench-only-audit-chain-key-bench").toString("base64"),
  ALTCHA_HMAC_KEY: "bench-only-altcha-key-bench-only-altcha",
};

export type LoadFigure = { name: string; requestsPerSecond: number; p50: number; p99: number; errors: number };

/** Requests/s and latency of `requests` against `base` at `connections`, after a 2 s warm-up (JIT, pools, file cache). */
export async function measureLoad(
  base: string,
  name: string,
  requests: autocannon.Request[],
  { connections, seconds, log }: { connections: number; seconds: number; log: (line: string) => void },
): Promise<LoadFigure> {
  const run = (duration: number) => autocannon({ url: base, connections, duration, requests });
  await run(2);
  log(`${name}: ${seconds} s at ${connections} connections ...`);
  const result = await run(seconds);
  return { name, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}
