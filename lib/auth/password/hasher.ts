import "server-only";
import { randomBytes } from "node:crypto";
import pLimit from "p-limit";

/** Argon2 cost parameters (memory in KiB). */
export type Argon2Params = { memoryCost: number; timeCost: number; parallelism: number };

/** The part of the `argon2` package the hasher uses; tests substitute a fake to observe scheduling. */
export type Argon2Like = {
  hash(password: string, options: Argon2Params & { type: 2; secret?: Buffer }): Promise<string>;
  verify(digest: string, password: string, options: { secret?: Buffer }): Promise<boolean>;
  needsRehash(digest: string, options: Argon2Params): boolean;
};

export type PasswordHasherOptions = {
  argon2: Argon2Like;
  params: Argon2Params;
  /** The pepper; kept outside the database so a leaked table alone cannot be cracked. */
  secret?: Buffer;
  /** Argon2 operations run at once (each holds `memoryCost` KiB). */
  concurrency: number;
  /** Calls allowed to wait for a slot; one more is refused at once. */
  queueLimit: number;
};

export type PasswordVerification = { valid: boolean; needsRehash: boolean };
export type PasswordHasherStats = { active: number; pending: number; completed: number };

export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(digest: string, password: string): Promise<PasswordVerification>;
  verifyDummy(password: string): Promise<void>;
  stats(): PasswordHasherStats;
};

/** Thrown when the hashing queue is full: the caller answers "try again later". */
export class PasswordHasherBusyError extends Error {
  constructor() {
    super("The password hasher is busy; try again later.");
    this.name = "PasswordHasherBusyError";
  }
}

const ARGON2ID = 2;

/**
 * Builds a hasher whose every Argon2 operation goes through one bounded queue,
 * so a flood of sign-ins cannot allocate unbounded memory (each operation
 * holds `memoryCost` KiB) or queue work forever.
 */
export function createPasswordHasher(options: PasswordHasherOptions): PasswordHasher {
  const { argon2, params, secret, concurrency, queueLimit } = options;
  const limit = pLimit(concurrency);
  const secretOption = secret ? { secret } : {};
  // Counted here rather than read from p-limit, whose counters lag a microtask behind.
  let admitted = 0;
  let active = 0;
  let completed = 0;
  let dummyHash: Promise<string> | undefined;

  function schedule<T>(operation: () => Promise<T>): Promise<T> {
    if (admitted >= concurrency + queueLimit) return Promise.reject(new PasswordHasherBusyError());
    admitted += 1;
    return limit(async () => {
      active += 1;
      try {
        return await operation();
      } finally {
        active -= 1;
        admitted -= 1;
        completed += 1;
      }
    });
  }

  function hash(password: string): Promise<string> {
    return schedule(() => argon2.hash(password, { ...params, type: ARGON2ID, ...secretOption }));
  }

  function loadDummyHash(): Promise<string> {
    // A random secret nobody knows, hashed with the current parameters so its cost matches real hashes.
    dummyHash ??= hash(randomBytes(32).toString("base64url")).catch((error: unknown) => {
      dummyHash = undefined;
      throw error;
    });
    return dummyHash;
  }

  return {
    hash,
    async verify(digest, password) {
      const valid = await schedule(() => argon2.verify(digest, password, secretOption));
      const outdated = argon2.needsRehash(digest, params) || !digest.startsWith("$argon2id$");
      return { valid, needsRehash: valid && outdated };
    },
    async verifyDummy(password) {
      const digest = await loadDummyHash();
      await schedule(() => argon2.verify(digest, password, secretOption));
    },
    stats: () => ({ active, pending: admitted - active, completed }),
  };
}
