import "server-only";
import { dataClasses } from "@/lib/data-classes/schema-classes";

export const REDACTED = "[redacted]";

/**
 * A record's values as the audit log keeps them: columns classed sensitive or
 * confidential are replaced by "[redacted]" (the log records that they changed,
 * not what they are); public and internal values are kept. Keys that are not
 * columns of `model` (derived values) must be safe already.
 */
export function auditValues(model: string, values: Record<string, unknown>): Record<string, unknown> {
  const columns = new Map(dataClasses.all.filter((entry) => entry.model === model).map((entry) => [entry.field, entry.dataClass]));
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      const dataClass = columns.get(key);
      const hidden = dataClass === "sensitive" || dataClass === "confidential";
      return [key, hidden && value !== null && value !== undefined ? REDACTED : value];
    }),
  );
}
