import { describe, expect, it } from "vitest";
import { loggablePath } from "./loggable-path";

describe("loggablePath", () => {
  it("masks the token of an order-status link, with or without a query", () => {
    const token = "q3Xr6mGBU8gC9yqT0f1dDk2hW4sPz7LvNc5aJeYbR0o";
    expect(loggablePath(`/orders/status/${token}`)).toBe("/orders/status/[token]");
    expect(loggablePath(`/orders/status/${token}?_rsc=1`)).toBe("/orders/status/[token]?_rsc=1");
    expect(loggablePath(`/orders/status/${token}`)).not.toContain(token);
  });

  it("leaves every other path as it is", () => {
    expect(loggablePath("/account/orders/abc")).toBe("/account/orders/abc");
    expect(loggablePath("/checkout/success?order=abc")).toBe("/checkout/success?order=abc");
  });
});
