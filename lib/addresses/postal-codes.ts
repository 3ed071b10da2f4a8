/**
 * Postal-code formats for countries where the format is well defined (after
 * trimming and upper-casing); other countries get a generic bound. Checked on
 * the server: a shipping label with a malformed code costs a parcel.
 */
const formats: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
  IE: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  IT: /^\d{5}$/,
  ES: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/,
  BE: /^\d{4}$/,
  AT: /^\d{4}$/,
  CH: /^\d{4}$/,
  DK: /^\d{4}$/,
  NO: /^\d{4}$/,
  SE: /^\d{3} ?\d{2}$/,
  PL: /^\d{2}-\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  AU: /^\d{4}$/,
  NZ: /^\d{4}$/,
  JP: /^\d{3}-?\d{4}$/,
  IN: /^\d{6}$/,
  BR: /^\d{5}-?\d{3}$/,
  MX: /^\d{5}$/,
};

const generic = /^[A-Z\d][A-Z\d -]{1,10}[A-Z\d]$/;

/** The canonical form used for storage: trimmed, upper-cased, inner whitespace collapsed. */
export function canonicalPostalCode(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, " ");
}

/** Whether `value` (canonical form) is a valid postal code for `country`. */
export function isValidPostalCode(country: string, value: string): boolean {
  return (formats[country] ?? generic).test(value);
}
