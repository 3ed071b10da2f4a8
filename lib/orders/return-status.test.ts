import { describe, expect, it } from "vitest";
import { canChangeReturn, RETURN_STATUSES, returnableUnits, returnWindowEnd } from "./return-status";
import { schemaEnumValues } from "./test-support";

const DAY = 24 * 60 * 60 * 1000;

describe("return transitions", () => {
  it("lists exactly the statuses of the schema's ReturnStatus enum", () => {
    expect([...RETURN_STATUSES].sort()).toEqual(schemaEnumValues("ReturnStatus").sort());
  });

  const allowed = [
    ["requested", "approved"],
    ["requested", "rejected"],
    ["approved", "received"],
    ["received", "refunded"],
  ] as const;

  it("allows exactly requested → approved | rejected, approved → received, received → refunded", () => {
    const every = RETURN_STATUSES.flatMap((from) => RETURN_STATUSES.map((to) => [from, to] as const));
    const legal = every.filter(([from, to]) => canChangeReturn(from, to));
    expect(legal).toEqual(allowed);
  });

  it.each([
    ["requested", "received"],
    ["requested", "refunded"],
    ["approved", "refunded"],
    ["approved", "rejected"],
    ["rejected", "approved"],
    ["refunded", "received"],
    ["received", "approved"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(canChangeReturn(from, to)).toBe(false);
  });
});

describe("return window", () => {
  const shippedAt = new Date("2026-03-01T12:00:00Z");

  it("counts from delivery when known, else from shipping, and is closed before shipping", () => {
    expect(returnWindowEnd({ shippedAt, deliveredAt: null }, 30)).toEqual(new Date(shippedAt.getTime() + 30 * DAY));
    const deliveredAt = new Date(shippedAt.getTime() + 4 * DAY);
    expect(returnWindowEnd({ shippedAt, deliveredAt }, 30)).toEqual(new Date(deliveredAt.getTime() + 30 * DAY));
    expect(returnWindowEnd({ shippedAt: null, deliveredAt: null }, 30)).toBeNull();
  });
});

describe("returnable units", () => {
  it("subtracts every held line from what shipped, per line", () => {
    const left = returnableUnits(
      [
        { id: "a", quantity: 3 },
        { id: "b", quantity: 1 },
      ],
      [
        { orderItemId: "a", quantity: 1 },
        { orderItemId: "a", quantity: 1 },
        { orderItemId: "b", quantity: 1 },
      ],
    );
    expect(Object.fromEntries(left)).toEqual({ a: 1, b: 0 });
  });
});
