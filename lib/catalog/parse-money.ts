/**
 * Money typed by a person ("24.99", "1,000", "5") as integer minor units of a
 * two-decimal currency, or null when it is not a plain non-negative amount
 * with at most two decimals. Never goes through a float.
 */
export function parseMoneyInput(text: string, max = 100_000_000): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const minor = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return minor <= max ? minor : null;
}
