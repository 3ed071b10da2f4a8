import { describe, expect, it } from "vitest";
import { parseMoneyInput } from "./parse-money";

describe("parseMoneyInput", () => {
  it.each([
    ["24.99", 2499],
    ["5", 500],
    ["0.5", 50],
    [" $1,000.10 ", 100010],
    ["0", 0],
  ])("reads %j as %i minor units", (text, minor) => {
    expect(parseMoneyInput(text)).toBe(minor);
  });

  it.each(["", "-1", "1.999", "1e3", "abc", "12.", "0x10", "1,00"])("refuses %j", (text) => {
    expect(parseMoneyInput(text)).toBeNull();
  });

  it("refuses amounts above the maximum", () => {
    expect(parseMoneyInput("1000.01", 100_000)).toBeNull();
    expect(parseMoneyInput("1000.00", 100_000)).toBe(100_000);
  });
});
