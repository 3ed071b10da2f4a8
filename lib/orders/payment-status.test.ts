import { describe, expect, it } from "vitest";
import { canChangePayment, PAYMENT_STATUSES, paymentStatusAfterRefund } from "./payment-status";
import { schemaEnumValues } from "./test-support";

describe("payment transitions", () => {
  it("lists exactly the statuses of the schema's PaymentStatus enum", () => {
    expect([...PAYMENT_STATUSES].sort()).toEqual(schemaEnumValues("PaymentStatus").sort());
  });

  it.each([
    ["pending", "paid"],
    ["pending", "cancelled"],
    ["pending", "failed"],
    ["pending", "on_hold"],
    ["paid", "refunded"],
    ["paid", "partially_refunded"],
    ["partially_refunded", "partially_refunded"],
    ["partially_refunded", "refunded"],
    ["cancelled", "on_hold"],
    ["failed", "on_hold"],
    ["paid", "on_hold"],
    ["on_hold", "paid"],
  ] as const)("allows %s → %s", (from, to) => {
    expect(canChangePayment(from, to)).toBe(true);
  });

  it.each([
    ["paid", "pending"],
    ["paid", "cancelled"],
    ["paid", "failed"],
    ["cancelled", "paid"],
    ["failed", "paid"],
    ["refunded", "paid"],
    ["refunded", "partially_refunded"],
    ["partially_refunded", "paid"],
    ["pending", "refunded"],
    ["pending", "partially_refunded"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(canChangePayment(from, to)).toBe(false);
  });

  it("nothing leaves refunded", () => {
    for (const to of PAYMENT_STATUSES) expect(canChangePayment("refunded", to)).toBe(false);
  });

  it("a refund of everything captured is a full refund", () => {
    expect(paymentStatusAfterRefund(5000, 5000)).toBe("refunded");
    expect(paymentStatusAfterRefund(5000, 4999)).toBe("partially_refunded");
  });
});
