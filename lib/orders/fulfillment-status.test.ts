import { describe, expect, it } from "vitest";
import { canChangeFulfillment, FULFILLMENT_STATUSES, hasShipped } from "./fulfillment-status";
import { schemaEnumValues } from "./test-support";

describe("fulfilment transitions", () => {
  it("lists exactly the statuses of the schema's FulfillmentStatus enum", () => {
    expect([...FULFILLMENT_STATUSES].sort()).toEqual(schemaEnumValues("FulfillmentStatus").sort());
  });

  it.each([
    ["unfulfilled", "packed"],
    ["unfulfilled", "shipped"],
    ["packed", "shipped"],
    ["shipped", "delivered"],
    ["shipped", "returned"],
    ["delivered", "returned"],
  ] as const)("allows %s → %s", (from, to) => {
    expect(canChangeFulfillment(from, to)).toBe(true);
  });

  it.each([
    ["unfulfilled", "delivered"],
    ["unfulfilled", "returned"],
    ["packed", "unfulfilled"],
    ["shipped", "unfulfilled"],
    ["shipped", "packed"],
    ["delivered", "shipped"],
    ["shipped", "shipped"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(canChangeFulfillment(from, to)).toBe(false);
  });

  it("nothing leaves returned", () => {
    for (const to of FULFILLMENT_STATUSES) expect(canChangeFulfillment("returned", to)).toBe(false);
  });

  it("a parcel has shipped once it left, whatever came after", () => {
    expect(FULFILLMENT_STATUSES.filter(hasShipped)).toEqual(["shipped", "delivered", "returned"]);
  });
});
