import "server-only";

/** What a spreadsheet may run as a formula when a cell begins with it (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/**
 * A cell of an imported file as the shop stores it, or null when it is refused
 * as a formula. The export writes such text with a leading ' (lib/audit/csv.ts),
 * so that quote is taken off again and the text comes back as it was. A plain
 * negative number is not a formula; the numeric columns refuse it as negative.
 */
export function importedCell(cell: string): string | null {
  if (cell.startsWith("'") && FORMULA_START.test(cell.slice(1))) return cell.slice(1);
  if (FORMULA_START.test(cell) && !PLAIN_NEGATIVE_NUMBER.test(cell)) return null;
  return cell;
}
