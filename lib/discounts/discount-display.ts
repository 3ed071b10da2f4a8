import { formatMoney, type Money } from "@/lib/catalog/money";

/** How a code's amount reads in lists: "10 % off" or "$5.00 off". */
export function discountAmountLabel(code: { kind: "percentage" | "fixed_amount"; percentOff: number | null; amountOff: Money | null }): string {
  return code.kind === "percentage" ? `${code.percentOff ?? 0} % off` : `${code.amountOff ? formatMoney(code.amountOff) : "—"} off`;
}

/** A code's validity window as days (UTC); the end is stored as the first moment it no longer works. */
export function discountWindowLabel(startsAt: Date | null, endsAt: Date | null): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const last = endsAt ? day(new Date(endsAt.getTime() - 1)) : null;
  if (!startsAt && !last) return "Always";
  return `${startsAt ? day(startsAt) : "…"} – ${last ?? "…"}`;
}

/** The form's date text for a stored window: the start day, and the last day it works. */
export function discountWindowInputs(startsAt: Date | null, endsAt: Date | null): { startsOn: string; endsOn: string } {
  return {
    startsOn: startsAt ? startsAt.toISOString().slice(0, 10) : "",
    endsOn: endsAt ? new Date(endsAt.getTime() - 1).toISOString().slice(0, 10) : "",
  };
}
