import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "./hash-chain";

/**
 * Signed checkpoints of the audit chain: where its head was (id and hash) and
 * how many entries it held, at a time. They are written outside the database
 * (a file on separate storage, the log stream), so deleting the newest entries,
 * or the whole table, leaves the chain short of a checkpoint that names more.
 * The MAC (HMAC-SHA-256 with a key derived from the chain key) stops someone
 * who can write the checkpoint file from forging a shorter one.
 */
export type AuditCheckpoint = {
  /** The newest entry's id (a decimal string: ids are bigints), null for an empty log. */
  headId: string | null;
  headHash: string;
  count: number;
  /** ISO time the head was read. */
  at: string;
};

export type SignedCheckpoint = AuditCheckpoint & { kind: "audit.checkpoint"; version: 1; mac: string };

const signedCheckpointSchema = z.object({
  kind: z.literal("audit.checkpoint"),
  version: z.literal(1),
  headId: z.string().regex(/^\d{1,19}$/).nullable(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  count: z.number().int().min(0),
  at: z.string().datetime(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

function mac(checkpoint: AuditCheckpoint, key: Buffer): string {
  const { headId, headHash, count, at } = checkpoint;
  return createHmac("sha256", key).update(canonicalJson({ kind: "audit.checkpoint", version: 1, headId, headHash, count, at })).digest("hex");
}

/** The checkpoint with its MAC, as written to the file and the log. */
export function signCheckpoint(checkpoint: AuditCheckpoint, key: Buffer): SignedCheckpoint {
  return { kind: "audit.checkpoint", version: 1, ...checkpoint, mac: mac(checkpoint, key) };
}

/** Why a stored checkpoint was not accepted. */
export type CheckpointRejection = "malformed" | "signature invalid";

/** Parses one JSON line and checks its MAC (in constant time). */
export function readSignedCheckpoint(line: string, key: Buffer): AuditCheckpoint | CheckpointRejection {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "malformed";
  }
  const parsed = signedCheckpointSchema.safeParse(value);
  if (!parsed.success) return "malformed";
  const { headId, headHash, count, at } = parsed.data;
  const checkpoint = { headId, headHash, count, at };
  const expected = Buffer.from(mac(checkpoint, key), "hex");
  return timingSafeEqual(expected, Buffer.from(parsed.data.mac, "hex")) ? checkpoint : "signature invalid";
}
