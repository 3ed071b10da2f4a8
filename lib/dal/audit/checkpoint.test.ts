import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkpointKey } from "@/lib/audit/chain-key";
import { readSignedCheckpoint } from "@/lib/audit/checkpoint";
import { db } from "@/lib/db";
import { recordAuditCheckpoint } from "./checkpoint";

afterAll(async () => {
  await db.$disconnect();
});

describe("audit checkpoints", () => {
  it("append a signed line naming the chain's head and length", async () => {
    const dir = await mkdtemp(join(tmpdir(), "audit-checkpoint-"));
    try {
      const file = join(dir, "checkpoints.jsonl");
      await recordAuditCheckpoint({ file });
      const written = await recordAuditCheckpoint({ file });
      const lines = (await readFile(file, "utf8")).trim().split("\n");
      expect(lines).toHaveLength(2); // appended, never rewritten
      const read = readSignedCheckpoint(lines[1]!, checkpointKey());
      expect(read).toEqual({ headId: written.headId, headHash: written.headHash, count: written.count, at: written.at });
      expect(written.count).toBe(await db.auditEntry.count({ where: { id: { lte: BigInt(written.headId ?? 0) } } }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
