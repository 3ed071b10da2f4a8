import { describe, expect, it } from "vitest";
import { moneyInputSchema } from "./money-input";
import { formatMoneyInput } from "./money-text";

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

  it("reads each currency with its own exponent: none for JPY, three for KWD", () => {
    const yen = moneyInputSchema("price", 10_000_000, "JPY");
    expect(yen.parse("2499")).toBe(2499);
    expect(yen.safeParse("24.99").error?.issues[0]?.message).toBe("JPY amounts have no decimals.");
    expect(yen.safeParse("").error?.issues[0]?.message).toBe("Enter a price, e.g. 2499.");
    const dinar = moneyInputSchema("price", 10_000_000, "KWD");
    expect(dinar.parse("1.5")).toBe(1500);
    expect(dinar.parse("0.125")).toBe(125);
    expect(dinar.safeParse("0.1255").error?.issues[0]?.message).toBe("Use at most three decimal places.");
    expect(dinar.safeParse("").error?.issues[0]?.message).toBe("Enter a price, e.g. 24.990.");
  });
});

describe("formatMoneyInput", () => {
  it("writes minor units back in the currency's own digits", () => {
    expect(formatMoneyInput(2499, "USD")).toBe("24.99");
    expect(formatMoneyInput(5, "USD")).toBe("0.05");
    expect(formatMoneyInput(2499, "JPY")).toBe("2499");
    expect(formatMoneyInput(1500, "KWD")).toBe("1.500");
  });
});
