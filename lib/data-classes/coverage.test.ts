import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_PATH, classificationProblems, dataClasses, parseSchemaClasses } from "./schema-classes";

const fixture = readFileSync(new URL("./fixtures/missing-class.prisma", import.meta.url), "utf8");

/** The fixture with one line replaced, for a single-rule variation. */
function fixtureWith(search: string, replacement: string): string {
  if (!fixture.includes(search)) throw new Error(`fixture has no "${search}"`);
  return fixture.replace(search, replacement);
}

describe("data classification coverage", () => {
  it("classifies every column of prisma/schema.prisma", () => {
    const problems = classificationProblems(readFileSync(SCHEMA_PATH, "utf8"));
    // The message is the list itself, so a failure names every offending field and line.
    expect(problems, problems.join("\n")).toEqual([]);
    expect(dataClasses.all.length).toBeGreaterThan(50);
  });

  it("names exactly the field that lacks a class", () => {
    expect(classificationProblems(fixture)).toEqual([
      "Customer.nickname (line 10) has no data class: add `// @class <public|internal|sensitive|confidential>`",
    ]);
    expect(parseSchemaClasses(fixture).map((entry) => `${entry.model}.${entry.field}`)).toEqual([
      "Customer.id",
      "Customer.email",
      "Customer.website",
      "Order.id",
      "Order.customerId",
      "Order.totalMinor",
    ]);
  });

  it("names a field whose class is unknown or empty", () => {
    const unknown = fixtureWith("nickname String?", "nickname String? // @class secret");
    expect(classificationProblems(unknown)).toEqual(['Customer.nickname (line 10) has an unknown data class "secret"']);
    const empty = fixtureWith("nickname String?", "nickname String? // @class");
    expect(classificationProblems(empty)).toEqual(['Customer.nickname (line 10) has an unknown data class ""']);
  });

  it("accepts relation fields without a class, and refuses one with a class", () => {
    const classified = fixtureWith("nickname String?", "nickname String? // @class sensitive");
    expect(classificationProblems(classified)).toEqual([]);
    const relation = fixtureWith("orders   Order[]", "orders   Order[] // @class internal");
    expect(classificationProblems(relation)).toEqual([
      "Customer.nickname (line 10) has no data class: add `// @class <public|internal|sensitive|confidential>`",
      "Customer.orders (line 12) is a relation, not a column: remove its data class",
    ]);
  });

  it("refuses @encrypted on a public or internal field, or on a non-String", () => {
    const onPublic = fixtureWith("// @class public", "// @class public @encrypted");
    expect(classificationProblems(onPublic)).toContain(
      "Customer.website (line 11) is @encrypted but public: only sensitive or confidential fields are encrypted",
    );
    const onInt = fixtureWith("Int // @class internal", "Int // @class sensitive @encrypted");
    expect(classificationProblems(onInt)).toContain("Order.totalMinor (line 19) is @encrypted but not a String");
  });

  it("refuses a confidential field stored plain", () => {
    const plain = fixtureWith("nickname String?", "nickname String? // @class confidential");
    expect(classificationProblems(plain)).toEqual([
      "Customer.nickname (line 10) is confidential but stored plain: mark it @encrypted or store a hash (…Hash)",
    ]);
  });

  it("reads types, tables and columns, ignoring // inside strings", () => {
    const [website] = parseSchemaClasses(fixture).filter((entry) => entry.field === "website");
    expect(website).toMatchObject({ type: "String?", dataClass: "public", table: "Customer", column: "website" });
    const order = parseSchemaClasses(fixture).find((entry) => entry.field === "customerId");
    expect(order).toMatchObject({ table: "orders", column: "customer_id", line: 17 });
  });

  it("looks classes up, and refuses a field the schema does not have", () => {
    expect(dataClasses.classOf("User", "passwordHash")).toBe("confidential");
    expect(dataClasses.classOf("Product", "priceMinor")).toBe("public");
    expect(() => dataClasses.classOf("User", "passwordHsh")).toThrow("User.passwordHsh is not a classified column");
    expect(dataClasses.encryptedFields().map((entry) => `${entry.model}.${entry.field}`)).toContain("User.phone");
    expect(dataClasses.fieldsOfClass("confidential").every((entry) => entry.dataClass === "confidential")).toBe(true);
    expect(dataClasses.all.find((entry) => entry.model === "RateLimit")?.table).toBe("rate_limits");
  });
});
