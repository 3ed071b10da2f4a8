import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { type EncryptedColumn, encryptedColumnContext, encryptedColumnName, encryptedColumns } from "@/lib/crypto/encrypted-columns";
import { FieldDecryptionError, isCurrentEnvelope, reencryptField } from "@/lib/crypto/field-encryption";
import { type KeyRing, keyRing } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Key rotation (ARCHITECTURE.md "Field-level encryption", ASVS V11.2.2):
 * re-encrypts every value in every encrypted column (lib/crypto/encrypted-columns)
 * under the ring's current key, so a retired key can then be removed.
 *
 * - Batches: each column is walked with keyset pagination on the primary key,
 *   so memory stays bounded and no offset scan grows with the table.
 * - Resumable: values already under the current key are skipped (their key id
 *   is read without decrypting), so a run that was interrupted, or that died,
 *   is resumed by running it again; nothing else records progress.
 * - Never overwrites a concurrent write: a batch is one UPDATE statement (one
 *   transaction) that only changes a row whose column still holds the value
 *   that was read (`WHERE id = … AND column = old`); a row changed meanwhile is
 *   counted as a conflict and left as its writer left it.
 * - A value that does not decrypt (tampered, unknown key, malformed) is
 *   counted as failed and reported by row id; it is never rewritten.
 *
 * Raw SQL: identifiers come only from the generated column list (the schema)
 * and are quoted; every value is a bound parameter. One statement per batch over ten columns
 * of two models is simpler here than ten typed delegate paths.
 */

export type ColumnRotationCounts = {
  scanned: number;
  /** Re-encrypted (on a dry run: would be). */
  reencrypted: number;
  alreadyCurrent: number;
  failed: number;
  /** Changed by another writer between read and update; left alone (run again to cover it). */
  conflicts: number;
};

export type ColumnRotationReport = ColumnRotationCounts & {
  /** "Model.field". */
  column: string;
  /** Ids of rows whose value failed to decrypt (at most MAX_REPORTED_FAILURES). Never values. */
  failedIds: string[];
};

export type RotationReport = { dryRun: boolean; currentKeyId: string; interrupted: boolean; columns: ColumnRotationReport[] };

/** After each batch: the column's running totals. */
export type RotationProgress = ColumnRotationCounts & { column: string; dryRun: boolean };

export type RotationOptions = {
  batchSize?: number;
  /** Decrypt and count, write nothing. */
  dryRun?: boolean;
  /** Checked between batches: an aborted run stops after the batch in flight. */
  signal?: AbortSignal;
  onProgress?: (progress: RotationProgress) => void;
  /** Defaults to the configured ring (tests pass their own). */
  ring?: KeyRing;
  /** Only rows owned by these users (tests on a shared database). */
  ownerIds?: string[];
  /** Another database than DATABASE_URL (benchmarks); a client is opened and closed for the run. */
  databaseUrl?: string;
  /** Defaults to every encrypted column. */
  columns?: readonly EncryptedColumn[];
};

const MAX_REPORTED_FAILURES = 100;
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

type Row = { id: string; value: string; ownerId: string };
type Change = { id: string; previous: string; next: string };

/** Re-encrypts every encrypted value under the current key, in batches; see the module comment. */
export async function rotateEncryptedFields(options: RotationOptions = {}): Promise<RotationReport> {
  const ring = options.ring ?? keyRing();
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new RangeError("batchSize must be an integer from 1 to 10000");
  const own = options.databaseUrl ? new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }) }) : undefined;
  const client = own ?? db;
  const report: RotationReport = { dryRun: options.dryRun ?? false, currentKeyId: ring.current.id, interrupted: false, columns: [] };
  try {
    for (const column of options.columns ?? encryptedColumns) {
      const result: ColumnRotationReport = { column: encryptedColumnName(column), scanned: 0, reencrypted: 0, alreadyCurrent: 0, failed: 0, conflicts: 0, failedIds: [] };
      report.columns.push(result);
      let cursor = "";
      for (;;) {
        report.interrupted = options.signal?.aborted ?? false;
        if (report.interrupted) break;
        const rows = await readBatch(client, column, cursor, batchSize, options.ownerIds);
        if (rows.length === 0) break;
        cursor = rows[rows.length - 1]!.id;
        const changes = reencryptBatch(rows, column, ring, result);
        if (report.dryRun) result.reencrypted += changes.length;
        else {
          const written = await writeBatch(client, column, changes);
          result.reencrypted += written;
          result.conflicts += changes.length - written;
        }
        const { failedIds: _ids, ...counts } = result;
        options.onProgress?.({ ...counts, dryRun: report.dryRun });
        if (rows.length < batchSize) break;
      }
      if (report.interrupted) break;
    }
  } finally {
    await own?.$disconnect();
  }
  return report;
}

function readBatch(client: PrismaClient, column: EncryptedColumn, after: string, limit: number, ownerIds?: string[]): Promise<Row[]> {
  const [table, value, owner, id] = [quote(column.table), quote(column.column), quote(column.ownerColumn), quote(column.rowColumn)];
  const scope = ownerIds ? `AND ${owner} = ANY($3::text[])` : "";
  const sql = `SELECT ${id} AS "id", ${value} AS "value", ${owner} AS "ownerId" FROM ${table}
    WHERE ${value} IS NOT NULL AND ${id} > $1 ${scope} ORDER BY ${id} LIMIT $2`;
  return ownerIds ? client.$queryRawUnsafe<Row[]>(sql, after, limit, ownerIds) : client.$queryRawUnsafe<Row[]>(sql, after, limit);
}

/** The batch's values that need a new envelope; counts the others into `result`. */
function reencryptBatch(rows: Row[], column: EncryptedColumn, ring: KeyRing, result: ColumnRotationReport): Change[] {
  const changes: Change[] = [];
  for (const row of rows) {
    result.scanned += 1;
    try {
      // Cheap skip without decrypting: this is what makes a second run resume.
      // A legacy (v1, owner-bound) envelope is rewritten even under the current key.
      if (isCurrentEnvelope(row.value, ring)) {
        result.alreadyCurrent += 1;
        continue;
      }
      changes.push({ id: row.id, previous: row.value, next: reencryptField(row.value, encryptedColumnContext(column, row.ownerId, row.id), ring) });
    } catch (error) {
      if (!(error instanceof FieldDecryptionError)) throw error;
      result.failed += 1;
      if (result.failedIds.length < MAX_REPORTED_FAILURES) result.failedIds.push(row.id);
    }
  }
  return changes;
}

/** One statement, so one transaction; returns how many rows still held the value read and were updated. */
async function writeBatch(client: PrismaClient, column: EncryptedColumn, changes: Change[]): Promise<number> {
  if (changes.length === 0) return 0;
  const [table, value, id] = [quote(column.table), quote(column.column), quote(column.rowColumn)];
  const sql = `UPDATE ${table} AS t SET ${value} = v.next
    FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, previous, next)
    WHERE t.${id} = v.id AND t.${value} = v.previous`;
  return client.$executeRawUnsafe(
    sql,
    changes.map((change) => change.id),
    changes.map((change) => change.previous),
    changes.map((change) => change.next),
  );
}
