import { describe, expect, it } from "vitest";
import { moneyInputSchema } from "./money-input";

describe("moneyInputSchema", () => {
  const amount = moneyInputSchema("amount", 5000);
  const message = (text: string) => {
    const result = amount.safeParse(text);
    return result.success ? result.data : result.error.issues[0]?.message;
  };

  it("speaks of the field it reads, and names its own maximum", () => {
    expect(message("12.5")).toBe(1250);
    expect(message("")).toBe("Enter an amount, e.g. 24.99.");
    expect(message("-1")).toBe("An amount cannot be negative.");
    expect(message("50.01")).toBe("The highest amount is 50.00.");
    expect(message("1e3")).toBe("Enter the amount as a number, e.g. 24.99.");
  });
});
