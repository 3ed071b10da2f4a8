import { describe, expect, it } from "vitest";
import { type DtoMapping, dtoClassViolations } from "./dto-audience";
import { dataClasses } from "./schema-classes";

// The check on fake mappings: a leak in a real DTO's mapping (dto-classes.test.ts) would be caught.
describe("the DTO audience check", () => {
  const fake = (audience: "public" | "owner", field: string, extra: object = {}): DtoMapping<{ leak: string }> => ({
    dto: "FakeDTO",
    audience,
    keys: { leak: { fields: [field], ...extra } },
  });

  it("fails when a confidential field reaches any browser DTO", () => {
    expect(dtoClassViolations(fake("owner", "Session.tokenHash"), dataClasses)).toEqual([
      "FakeDTO.leak carries Session.tokenHash (confidential); owner DTOs hold at most sensitive",
    ]);
    expect(dtoClassViolations(fake("owner", "User.passwordHash", { derived: "a hash" }), dataClasses)).toHaveLength(1);
    expect(dtoClassViolations(fake("public", "User.totpSecret"), dataClasses)).toHaveLength(1);
  });

  it("fails when a public DTO carries anything but public fields", () => {
    expect(dtoClassViolations(fake("public", "User.email"), dataClasses)).toEqual([
      "FakeDTO.leak carries User.email (sensitive); public DTOs hold at most public",
    ]);
    expect(dtoClassViolations(fake("public", "ProductVariant.stock"), dataClasses)).toHaveLength(1);
    expect(dtoClassViolations(fake("public", "ProductVariant.stock", { derived: "stock > 0" }), dataClasses)).toEqual([]);
    expect(dtoClassViolations(fake("public", "User.email", { derived: "has an email" }), dataClasses)).toHaveLength(1);
  });

  it("allows an exception only for the owner, and refuses unknown fields", () => {
    expect(dtoClassViolations(fake("owner", "User.totpSecret", { exception: "why" }), dataClasses)).toEqual([]);
    expect(dtoClassViolations(fake("public", "Product.slug", { exception: "why" }), dataClasses)).toEqual([
      "FakeDTO.leak claims an exception, but a public DTO allows none",
    ]);
    expect(dtoClassViolations(fake("owner", "Session.token"), dataClasses)).toEqual([
      "FakeDTO.leak maps to Session.token, which is not a classified column of the schema",
    ]);
  });
});
