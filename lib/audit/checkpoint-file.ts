import "server-only";
import { open } from "node:fs/promises";
import type { ChainProblem } from "./hash-chain";
import { type AuditCheckpoint, readSignedCheckpoint, type SignedCheckpoint } from "./checkpoint";

// The newest checkpoint is the last line; a line is ~250 bytes, so the tail always holds it.
const TAIL_BYTES = 16 * 1024;

/**
 * Appends one checkpoint as a JSON line. "a" opens for append only (O_APPEND),
 * so the writer needs no more than append access: the file can live on
 * storage that refuses rewrites (chattr +a, a WORM bucket mount).
 */
export async function appendCheckpointLine(file: string, checkpoint: SignedCheckpoint): Promise<void> {
  const handle = await open(file, "a", 0o600);
  try {
    await handle.write(`${JSON.stringify(checkpoint)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The last line of the checkpoint file, read from its tail (the file grows by
 * a line a minute, so it is never read whole); undefined when the file does
 * not exist or holds no line.
 */
export async function readLastCheckpointLine(file: string): Promise<string | undefined> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString("utf8").split("\n").map((line) => line.trim()).filter(Boolean);
    return lines.at(-1);
  } finally {
    await handle.close();
  }
}

/**
 * The newest checkpoint in the file, its MAC checked; null when there is none
 * yet. A last line that does not parse or whose MAC is wrong is a problem to
 * report, never skipped in favour of an older line: that would let someone
 * replace the newest checkpoint by garbage to fall back to an earlier one.
 */
export async function readLatestCheckpoint(file: string, key: Buffer): Promise<AuditCheckpoint | null | ChainProblem> {
  const line = await readLastCheckpointLine(file);
  if (line === undefined) return null;
  const checkpoint = readSignedCheckpoint(line, key);
  if (checkpoint === "malformed") return "checkpoint unreadable";
  if (checkpoint === "signature invalid") return "checkpoint signature invalid";
  return checkpoint;
}
