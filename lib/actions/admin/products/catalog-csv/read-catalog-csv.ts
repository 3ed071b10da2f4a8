import "server-only";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { CatalogRowIssue, CatalogRowSource, CatalogSourceRow } from "@/lib/dal/catalog/csv/catalog-row";
import { CATALOG_CSV_COLUMNS, readHeader } from "./columns";
import { importedCell } from "./formula-cells";
import { catalogRowSchema } from "./row-schema";

/** The longest row read: far above a real one (a 4,000-character description), far below a memory problem. */
const MAX_RECORD_BYTES = 64 * 1024;

/**
 * The catalog file as the import reads it: `open` gives a fresh stream of the
 * file for each pass, which is parsed as it arrives (csv-parse), never loaded
 * whole. Each data row is yielded with its spreadsheet row number (the header
 * is row 1), either read (formula cells refused, every column checked with
 * zod) or with its problems. A header problem or a CSV syntax error ends the
 * pass with one problem: nothing after it can be read reliably.
 */
export function catalogCsvSource(open: () => Readable): CatalogRowSource {
  let digest = "";
  return {
    digest: () => digest,
    async *rows(): AsyncGenerator<CatalogSourceRow> {
      const hash = createHash("sha256");
      const input = open();
      input.on("data", (chunk: Buffer) => hash.update(chunk));
      const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES }));
      let columns: string[] | null = null;
      let row = 0;
      try {
        for await (const cells of parser as AsyncIterable<string[]>) {
          row += 1;
          if (columns === null) {
            const header = readHeader(cells);
            if (!header.ok) {
              yield { row, issues: header.problems.map((problem) => ({ row, ...problem })) };
              return;
            }
            columns = header.columns;
            continue;
          }
          yield readRow(row, columns, cells);
        }
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        yield { row: row + 1, issues: [{ row: row + 1, column: "", message: `This is not valid CSV here: ${error.message.replace(/^Invalid [^:]*: /, "")}` }] };
        return;
      } finally {
        input.destroy();
      }
      if (columns === null) yield { row: 1, issues: [{ row: 1, column: "", message: `The file is empty: the first row names the columns (${CATALOG_CSV_COLUMNS.join(", ")}).` }] };
      digest = hash.digest("hex");
    },
  };
}

function readRow(row: number, columns: string[], cells: string[]): CatalogSourceRow {
  if (cells.length !== columns.length) {
    return { row, issues: [{ row, column: "", message: `This row has ${cells.length} cells; the header has ${columns.length} columns.` }] };
  }
  const issues: CatalogRowIssue[] = [];
  const record: Record<string, string> = {};
  for (const column of CATALOG_CSV_COLUMNS) record[column] = "";
  columns.forEach((column, i) => {
    const cell = importedCell(cells[i] ?? "");
    if (cell === null) issues.push({ row, column, message: "A cell may not begin with =, +, -, @, a tab or a carriage return: spreadsheets run such text as a formula." });
    else record[column] = cell;
  });
  const parsed = catalogRowSchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? "");
      if (!issues.some((known) => known.column === column)) issues.push({ row, column, message: issue.message });
    }
  }
  if (issues.length > 0) return { row, issues };
  return parsed.success ? { row, data: parsed.data } : { row, issues };
}
