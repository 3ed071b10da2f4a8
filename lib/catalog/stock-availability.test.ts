import { describe, expect, it } from "vitest";
import { LOW_STOCK_THRESHOLD, notEnoughStock, publicStockLimit, stockAvailability } from "./stock-availability";

describe("the public stock rule", () => {
  it("tells out of stock, a low count, or only 'in stock'", () => {
    expect(stockAvailability(0)).toEqual({ status: "out_of_stock" });
    expect(stockAvailability(-2)).toEqual({ status: "out_of_stock" });
    expect(stockAvailability(LOW_STOCK_THRESHOLD)).toEqual({ status: "low_stock", unitsLeft: LOW_STOCK_THRESHOLD });
    expect(stockAvailability(LOW_STOCK_THRESHOLD + 1)).toEqual({ status: "in_stock" });
  });

  it("limits a quantity by stock only when stock is low", () => {
    expect(publicStockLimit(0)).toBe(0);
    expect(publicStockLimit(3)).toBe(3);
    expect(publicStockLimit(37)).toBe(Number.POSITIVE_INFINITY);
  });

  it("never names a count above the threshold", () => {
    expect(notEnoughStock(3)).toBe("Only 3 left");
    expect(notEnoughStock(2, "Lamp")).toBe("Only 2 of Lamp left");
    expect(notEnoughStock(37)).toBe("Not that many are in stock");
    expect(notEnoughStock(37, "Lamp")).toBe("Not that many of Lamp are in stock");
    expect(notEnoughStock(0, "Lamp")).toBe("Lamp is out of stock");
  });
});
