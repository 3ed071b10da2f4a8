import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask";

describe("maskEmail", () => {
  it("keeps the first letters and the top-level domain only", () => {
    expect(maskEmail("jane@example.com")).toBe("j•••@e•••.com");
    expect(maskEmail("Jane.Doe+shop@mail.example.co.uk")).toBe("J•••@m•••.uk");
  });

  it("never returns the address itself for odd input", () => {
    expect(maskEmail("a@b")).toBe("a•••@b•••");
    expect(maskEmail("not-an-address")).toBe("•••");
    expect(maskEmail("@example.com")).toBe("•••");
    expect(maskEmail("jane@")).toBe("•••");
  });
});
