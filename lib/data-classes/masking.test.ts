import { describe, expect, it } from "vitest";
import { maskEmail as mailMaskEmail } from "@/lib/mail/mask";
import { maskAddressLine, maskEmail, maskName, maskPhone } from "./masking";

describe("staff masking", () => {
  it("masks an email with the one shared implementation", () => {
    expect(maskEmail).toBe(mailMaskEmail);
    expect(maskEmail("jane@example.com")).toBe("j•••@e•••.com");
  });

  it("keeps the last four digits of a phone number", () => {
    expect(maskPhone("+1 555 0100")).toBe("•••• ••• 0100");
    expect(maskPhone("(541) 555-0199 ext")).toBe("•••• ••• 0199");
    expect(maskPhone("+44 20 7946 0958")).toBe("•••• ••• 0958");
  });

  it("masks a short or odd phone number whole, and leaves an empty one empty", () => {
    expect(maskPhone("0100")).toBe("•••");
    expect(maskPhone("555-010")).toBe("•••");
    expect(maskPhone("call me")).toBe("•••");
    expect(maskPhone("")).toBe("");
    expect(maskPhone("   ")).toBe("");
  });

  it("keeps the first character of each word of a name", () => {
    expect(maskName("Jane Doe")).toBe("J••• D•••");
    expect(maskName("  Mary   Ann  O'Neil ")).toBe("M••• A••• O•••");
  });

  it("masks Unicode names by user-perceived character", () => {
    expect(maskName("Zoë Ångström")).toBe("Z••• Å•••");
    expect(maskName("E\u0301mile Zola")).toBe("E\u0301••• Z•••");
    expect(maskName("山田 太郎")).toBe("山••• 太•••");
    expect(maskName("Ольга Петрова")).toBe("О••• П•••");
  });

  it("masks initials and short names whole, and leaves an empty name empty", () => {
    expect(maskName("J")).toBe("•••");
    expect(maskName("J Doe")).toBe("••• D•••");
    expect(maskName("Al")).toBe("A•••");
    expect(maskName("")).toBe("");
    expect(maskName("   ")).toBe("");
  });

  it("keeps only a digit-free last word of an address line", () => {
    expect(maskAddressLine("1 Main St")).toBe("•••• St");
    expect(maskAddressLine("742 Evergreen Terrace")).toBe("•••• Terrace");
    expect(maskAddressLine("Hauptstraße 5")).toBe("••••");
    expect(maskAddressLine("Apt 4B")).toBe("••••");
    expect(maskAddressLine("Postfach")).toBe("••••");
    expect(maskAddressLine("")).toBe("");
    expect(maskAddressLine("  ")).toBe("");
  });

  it("never returns the value it was given", () => {
    for (const value of ["Jane Doe", "+1 555 0100", "1 Main St", "X", "12"]) {
      for (const mask of [maskName, maskPhone, maskAddressLine]) expect(mask(value)).not.toBe(value);
    }
  });
});
