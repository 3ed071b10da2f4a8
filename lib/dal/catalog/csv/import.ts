import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/dal/audit/log";
import { syncProductPrices } from "../variant-prices";
import { assertCatalogCsvPermission, type CatalogCsvActor, catalogCsvAuditActor } from "./actor";
import type { CatalogRowIssue, CatalogRowSource } from "./catalog-row";
import { applyCatalogRows, CatalogFileChangedError } from "./import-apply";
import { CatalogImportCheck, type ChangeCounts } from "./import-check";
import { liveCategoryIds } from "./import-lookups";

/** What an import did, or would do (dry run), or why it did nothing. */
export type CatalogImportReport = {
  /** Whether the file was applied; false after a dry run or when any row was refused. */
  applied: boolean;
  dryRun: boolean;
  rows: number;
  products: ChangeCounts;
  variants: ChangeCounts;
  /** The first problems, by row; `issueCount` counts them all. */
  issues: CatalogRowIssue[];
  issueCount: number;
};

export type CatalogImportOptions = { dryRun: boolean; fileName: string };

/** Long enough for 100,000 rows on a busy server; a stuck import still ends (and rolls back). */
const APPLY_TIMEOUT_MS = 15 * 60_000;
const ID_CHUNK = 5_000;

/**
 * Imports the catalog file (one row per variant) all or nothing: a first pass
 * checks every row and counts what would change; with any problem, or on a dry
 * run, nothing is written. Otherwise a second pass applies every row in one
 * transaction, listing prices follow the variants (syncProductPrices), and one
 * audit entry ("catalog.imported": counts, file name and SHA-256, never row
 * contents) is written with it. Needs products:write.
 */
export async function importCatalog(actor: CatalogCsvActor, source: CatalogRowSource, options: CatalogImportOptions, context: AuditContext): Promise<CatalogImportReport> {
  assertCatalogCsvPermission(actor, "products:write");
  const check = new CatalogImportCheck(await liveCategoryIds());
  for await (const row of source.rows()) await check.add(row);
  await check.finish();
  const report: CatalogImportReport = {
    applied: false,
    dryRun: options.dryRun,
    rows: check.rowCount,
    products: check.productCounts(),
    variants: { ...check.variants },
    issues: check.issues,
    issueCount: check.issueCount,
  };
  if (report.issueCount > 0 || options.dryRun) return report;
  const digest = source.digest();
  try {
    await applyInOneTransaction(actor, source, check, report, options.fileName, digest, context);
  } catch (error) {
    if (!(error instanceof CatalogFileChangedError) && !isUniqueViolation(error)) throw error;
    // Rolled back: the file or the shop changed between the check and the apply.
    const issue = { row: 1, column: "", message: "The file or the catalog changed while the file was being imported: nothing was imported. Import it again." };
    return { ...report, issues: [issue], issueCount: 1 };
  }
  return { ...report, applied: true };
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || /23505|unique/i.test(error.message));

async function applyInOneTransaction(
  actor: CatalogCsvActor,
  source: CatalogRowSource,
  check: CatalogImportCheck,
  report: CatalogImportReport,
  fileName: string,
  digest: string,
  context: AuditContext,
): Promise<void> {
  const auditActor = catalogCsvAuditActor(actor);
  await db.$transaction(
    async (tx) => {
      const productIds = await applyCatalogRows(tx, source, check, auditActor.id);
      if (source.digest() !== digest) throw new CatalogFileChangedError("the file's bytes changed");
      for (let start = 0; start < productIds.length; start += ID_CHUNK) await syncProductPrices(tx, productIds.slice(start, start + ID_CHUNK));
      await appendAudit(tx, {
        actor: auditActor,
        action: "catalog.imported",
        target: { type: "catalog", id: digest.slice(0, 16) },
        after: { file: fileName.slice(0, 200), sha256: digest, rows: report.rows, products: report.products, variants: report.variants },
        outcome: "success",
        context,
      });
    },
    { timeout: APPLY_TIMEOUT_MS, maxWait: 30_000 },
  );
}
