import "server-only";
import type { CatalogImportReport } from "@/lib/dal/catalog/csv/import";

/** An import's report as lines of text (the command's output): what changed, or would, and every problem listed. */
export function catalogReportLines(report: CatalogImportReport): string[] {
  const counts = (what: string, c: { created: number; updated: number; unchanged: number }) => `  ${what}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  const lines: string[] = [];
  if (report.issueCount > 0) {
    lines.push(`Refused: ${report.issueCount} problem${report.issueCount === 1 ? "" : "s"} in ${report.rows} rows; nothing was imported.`);
    for (const issue of report.issues) lines.push(`  row ${issue.row}${issue.column ? `, ${issue.column}` : ""}: ${issue.message}`);
    if (report.issueCount > report.issues.length) lines.push(`  … and ${report.issueCount - report.issues.length} more.`);
    return lines;
  }
  lines.push(report.applied ? `Imported ${report.rows} rows.` : `Dry run: ${report.rows} rows checked, nothing was changed. Importing would give:`);
  lines.push(counts("products", report.products), counts("variants", report.variants));
  return lines;
}
