import { describe, expect, it } from "vitest";
import { addressSchema } from "./address-schema";
import { countryOptions } from "./countries";

const valid = {
  recipientName: "Jane Roe",
  line1: "1 Main Street",
  line2: "",
  city: "Springfield",
  region: "IL",
  postalCode: "62704",
  country: "US",
  phone: "+1 555 0100",
  isDefault: false,
};

const errorsOf = (input: object) => {
  const result = addressSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe("addressSchema", () => {
  it("accepts a valid address and normalizes empty optional fields to null", () => {
    const parsed = addressSchema.parse(valid);
    expect(parsed.line2).toBeNull();
    expect(parsed.phone).toBe("+1 555 0100");
  });

  it.each([
    ["US", "62704-1234"],
    ["GB", "sw1a 1aa"],
    ["CA", "k1a 0b1"],
    ["NL", "1012 ab"],
    ["DE", "10115"],
    ["JP", "100-0001"],
    ["KE", "00100"],
  ])("accepts a %s postal code %s", (country, postalCode) => {
    expect(errorsOf({ ...valid, country, postalCode })).toEqual({});
  });

  it.each([
    ["US", "6270"],
    ["GB", "12345"],
    ["DE", "1011"],
    ["CA", "12345"],
    ["KE", "<script>"],
  ])("refuses a %s postal code %s", (country, postalCode) => {
    expect(errorsOf({ ...valid, country, postalCode })).toHaveProperty("postalCode");
  });

  it("refuses a country outside the list", () => {
    expect(errorsOf({ ...valid, country: "XX" })).toHaveProperty("country");
    expect(errorsOf({ ...valid, country: "us" })).toHaveProperty("country");
  });

  it("refuses missing required fields and over-long ones", () => {
    const errors = errorsOf({ ...valid, recipientName: " ", line1: "", city: "x".repeat(101) });
    expect(Object.keys(errors).sort()).toEqual(["city", "line1", "recipientName"]);
  });

  it("refuses a phone with letters", () => {
    expect(errorsOf({ ...valid, phone: "call me maybe" })).toHaveProperty("phone");
  });

  it("lists every country once, named", () => {
    expect(countryOptions.length).toBeGreaterThan(240);
    expect(new Set(countryOptions.map((c) => c.code)).size).toBe(countryOptions.length);
    expect(countryOptions.find((c) => c.code === "DE")?.name).toBe("Germany");
  });
});
