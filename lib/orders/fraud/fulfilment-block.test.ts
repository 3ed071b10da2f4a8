import { describe, expect, it } from "vitest";
import { blockedByFraudReview, canPackOrder, canPrintPackingSlip, canShipOrder } from "../next-steps";

const paid = { paymentStatus: "paid", fulfillmentStatus: "unfulfilled" } as const;

describe("the fraud review's hold on fulfilment", () => {
  it.each([
    [null, true],
    ["approved", true],
    ["released", true],
    ["held", false],
    ["cancelled", false],
  ] as const)("a paid order whose review is %s may be packed and shipped: %s", (fraudReview, allowed) => {
    const order = { ...paid, fraudReview };
    expect(blockedByFraudReview(order)).toBe(!allowed);
    expect(canPackOrder(order)).toBe(allowed);
    expect(canShipOrder(order)).toBe(allowed);
    expect(canPrintPackingSlip(order)).toBe(allowed);
  });
});
