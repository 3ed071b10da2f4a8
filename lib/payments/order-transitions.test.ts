import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canTransition, ORDER_STATUSES, statusAfterRefund } from "./order-transitions";

describe("order transitions", () => {
  it("lists exactly the statuses of the schema's OrderStatus enum", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const body = /enum OrderStatus \{([^}]*)\}/.exec(schema)?.[1] ?? "";
    const declared = body.split(/\s+/).filter(Boolean);
    expect([...ORDER_STATUSES].sort()).toEqual(declared.sort());
  });

  it.each([
    ["pending_payment", "paid"],
    ["pending_payment", "cancelled"],
    ["pending_payment", "on_hold"],
    ["paid", "fulfilled"],
    ["paid", "refunded"],
    ["paid", "partially_refunded"],
    ["partially_refunded", "refunded"],
    ["cancelled", "on_hold"],
    ["paid", "on_hold"],
  ] as const)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ["paid", "pending_payment"],
    ["paid", "cancelled"],
    ["cancelled", "paid"],
    ["refunded", "paid"],
    ["refunded", "partially_refunded"],
    ["fulfilled", "paid"],
    ["pending_payment", "fulfilled"],
    ["pending_payment", "refunded"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it("nothing leaves refunded", () => {
    for (const to of ORDER_STATUSES) expect(canTransition("refunded", to)).toBe(false);
  });

  it("a refund of everything captured is a full refund", () => {
    expect(statusAfterRefund(5000, 5000)).toBe("refunded");
    expect(statusAfterRefund(5000, 4999)).toBe("partially_refunded");
  });
});
