/**
 * One CSV cell: quoted, quotes doubled, and a leading =, +, -, @, tab or CR
 * prefixed with ' so a spreadsheet shows it as text instead of running it as a
 * formula (CSV injection).
 */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(",");
}
