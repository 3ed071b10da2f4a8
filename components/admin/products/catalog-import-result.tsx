import type { CatalogImportReport } from "@/lib/dal/catalog/csv/import";

const counts = (c: { created: number; updated: number; unchanged: number }) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

/** An import's report: what changed (or would, on a dry run), or every problem by row and column. */
export function CatalogImportResult({ report }: { report: CatalogImportReport }) {
  if (report.issueCount > 0) {
    return (
      <section aria-labelledby="import-problems" className="flex flex-col gap-2">
        <h2 id="import-problems" className="text-lg font-semibold text-danger-700">
          Nothing was imported: {report.issueCount === 1 ? "1 problem" : `${report.issueCount} problems`} in {report.rows} rows
        </h2>
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-neutral-300">
              <th className="p-2">Row</th>
              <th className="p-2">Column</th>
              <th className="p-2">Problem</th>
            </tr>
          </thead>
          <tbody>
            {report.issues.map((issue, i) => (
              <tr key={i} className="border-b border-neutral-200">
                <td className="p-2">{issue.row}</td>
                <td className="p-2">{issue.column}</td>
                <td className="p-2">{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.issueCount > report.issues.length && <p>… and {report.issueCount - report.issues.length} more. Fix these and upload the file again.</p>}
      </section>
    );
  }
  return (
    <section aria-labelledby="import-done" className="flex flex-col gap-1">
      <h2 id="import-done" className="text-lg font-semibold text-success-800">
        {report.applied ? `Imported ${report.rows} rows` : `Dry run: ${report.rows} rows checked, nothing changed`}
      </h2>
      <p>
        {report.applied ? "" : "Importing would give: "}Products: {counts(report.products)}.
      </p>
      <p>Variants: {counts(report.variants)}.</p>
    </section>
  );
}
