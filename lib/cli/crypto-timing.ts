import "server-only";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";
import type { KeyRing } from "@/lib/crypto/key-ring";
import { percentile } from "./auth-bench-client";

export type Percentiles = { p50: number; p99: number };

/** Microseconds per call of `fn` over `samples` calls (after a JIT warm-up): p50 and p99. */
export function timeEach(fn: (i: number) => void, samples: number): Percentiles {
  for (let i = 0; i < 1_000; i += 1) fn(i);
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** encryptField and decryptField per value of `plain` (an address line each, bound to its own owner and row). */
export function fieldCryptoTimings(plain: readonly string[], ring?: KeyRing): { encrypt: Percentiles; decrypt: Percentiles } {
  const context = (i: number) => ({ model: "Address", field: "line1", ownerId: `user-${i}`, recordId: `address-${i}` });
  const sealed: string[] = [];
  const encrypt = timeEach((i) => void (sealed[i] = encryptField(plain[i % plain.length] ?? "", context(i), ring)), plain.length);
  const decrypt = timeEach((i) => decryptField(sealed[i] ?? "", context(i), ring), plain.length);
  return { encrypt, decrypt };
}
