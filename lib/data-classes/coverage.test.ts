import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDataClasses, type GeneratorRun, withoutGenerators } from "./generator-test-fixtures";
import { dataClasses } from "./schema-classes";

/*
 * The class table is written by prisma/generators/data-classes.mjs from the
 * schema's `///` documentation when `prisma generate` runs; these tests run
 * the real `prisma generate` on fixtures, so a rule holds in the generator
 * itself, not in a copy of it.
 */
const fixture = readFileSync(new URL("./fixtures/missing-class.prisma", import.meta.url), "utf8");

/** The fixture with one line replaced, for a single-rule variation. */
function fixtureWith(search: string, replacement: string, base = fixture): string {
  if (!base.includes(search)) throw new Error(`fixture has no "${search}"`);
  return base.replace(search, replacement);
}

const classified = fixtureWith("nickname String?", "nickname String? /// @class sensitive");

/** The problem lines `prisma generate` failed with (one per field); throws if it did not fail. */
function problems(run: GeneratorRun): string[] {
  if (run.ok) throw new Error("prisma generate succeeded, but the schema breaks a rule");
  return run.output.split("\n").filter((line) => /^\w+\.\w+ \(line \d+\) /.test(line) || /^\w+'s /.test(line));
}

/** The generated module; throws with prisma's output if generation failed. */
function generated(run: GeneratorRun) {
  if (!run.ok) throw new Error(`prisma generate failed:\n${run.output}`);
  return run.generated;
}

describe("data classification coverage", () => {
  it("classifies every column of prisma/schema.prisma, as lib/generated/data-classes.ts holds it", async () => {
    const run = await generateDataClasses(withoutGenerators(readFileSync(join(process.cwd(), "prisma", "schema.prisma"), "utf8")));
    if (!run.ok) throw new Error(`prisma/schema.prisma fails generation:\n${run.output}`);
    // A schema edited without `prisma generate` leaves a stale table: the message says what to run.
    const current = readFileSync(join(process.cwd(), "lib", "generated", "data-classes.ts"), "utf8");
    expect(current === run.source, "lib/generated/data-classes.ts is out of date: run `npx prisma generate`").toBe(true);
    expect(dataClasses.all.length).toBeGreaterThan(50);
  });

  it("names exactly the field that lacks a class, and fails generation", async () => {
    const run = await generateDataClasses(fixture);
    expect(run.ok).toBe(false);
    expect(problems(run)).toEqual([
      "Customer.nickname (line 10) has no data class: add `/// @class <public|internal|sensitive|confidential>`",
    ]);
    const table = generated(await generateDataClasses(classified)).fieldClassifications;
    expect(table.map((entry) => `${entry.model}.${entry.field}`)).toEqual([
      "Customer.id",
      "Customer.email",
      "Customer.nickname",
      "Customer.website",
      "Order.id",
      "Order.customerId",
      "Order.totalMinor",
    ]);
  });

  it("names a field whose class is unknown or empty", async () => {
    const unknown = fixtureWith("nickname String?", "nickname String? /// @class secret");
    expect(problems(await generateDataClasses(unknown))).toEqual(['Customer.nickname (line 10) has an unknown data class "secret"']);
    const empty = fixtureWith("nickname String?", "nickname String? /// @class");
    expect(problems(await generateDataClasses(empty))).toEqual(['Customer.nickname (line 10) has an unknown data class ""']);
  });

  it("accepts relation fields without a class, and refuses one with a class", async () => {
    expect(generated(await generateDataClasses(classified)).fieldClassifications.some((entry) => entry.field === "orders")).toBe(false);
    const relation = fixtureWith("orders   Order[]", "orders   Order[] /// @class internal");
    expect(problems(await generateDataClasses(relation))).toEqual([
      "Customer.nickname (line 10) has no data class: add `/// @class <public|internal|sensitive|confidential>`",
      "Customer.orders (line 12) is a relation, not a column: remove its data class",
    ]);
  });

  it("refuses @encrypted on a public or internal field, or on a non-String", async () => {
    const onPublic = fixtureWith("/// @class public", "/// @class public @encrypted", classified);
    expect(problems(await generateDataClasses(onPublic))).toContain(
      "Customer.website (line 11) is @encrypted but public: only sensitive or confidential fields are encrypted",
    );
    const onInt = fixtureWith("Int /// @class internal", "Int /// @class sensitive @encrypted", classified);
    expect(problems(await generateDataClasses(onInt))).toContain("Order.totalMinor (line 19) is @encrypted but not a String");
  });

  it("refuses a confidential field stored plain", async () => {
    const plain = fixtureWith("nickname String?", "nickname String? /// @class confidential");
    expect(problems(await generateDataClasses(plain))).toEqual([
      "Customer.nickname (line 10) is confidential but stored plain: mark it @encrypted or store a hash (…Hash)",
    ]);
  });

  it("reads types, tables and columns, ignoring // inside strings", async () => {
    const table = generated(await generateDataClasses(classified)).fieldClassifications;
    expect(table.find((entry) => entry.field === "website")).toMatchObject({ type: "String?", dataClass: "public", table: "Customer", column: "website" });
    expect(table.find((entry) => entry.field === "customerId")).toMatchObject({ table: "orders", column: "customer_id", storage: "plain" });
  });

  it("reads the tags beside human documentation, leading or trailing", async () => {
    const documented = fixtureWith(
      "  nickname String?",
      "  /// What the customer likes to be called; shown on the account page.\n  /// @class sensitive\n  /// Never used to sign in.\n  nickname String?",
      fixtureWith("email    String  @unique /// @class sensitive", "/// The sign-in address.\n  email    String  @unique /// @class sensitive"),
    );
    const table = generated(await generateDataClasses(documented)).fieldClassifications;
    expect(table.find((entry) => entry.field === "nickname")?.dataClass).toBe("sensitive");
    expect(table.find((entry) => entry.field === "email")?.dataClass).toBe("sensitive");
  });

  it("binds encrypted fields to the row's id, or to the owner the tag names", async () => {
    const encrypted = fixtureWith(
      "totalMinor Int /// @class internal",
      "totalMinor Int /// @class internal\n  note       String? @map(\"order_note\") /// @class sensitive @encrypted owner=customerId",
      fixtureWith("nickname String?", "nickname String? /// @class sensitive @encrypted"),
    );
    const { encryptedModels, encryptedColumns, schemaRedactPaths } = generated(await generateDataClasses(encrypted));
    expect(encryptedModels).toEqual({
      Customer: { table: "Customer", owner: { field: "id", column: "id" }, row: { field: "id", column: "id" }, fields: { nickname: { column: "nickname", required: false } } },
      Order: { table: "orders", owner: { field: "customerId", column: "customer_id" }, row: { field: "id", column: "id" }, fields: { note: { column: "order_note", required: false } } },
    });
    expect(encryptedColumns).toEqual([
      { model: "Customer", field: "nickname", table: "Customer", column: "nickname", ownerColumn: "id", rowColumn: "id" },
      { model: "Order", field: "note", table: "orders", column: "order_note", ownerColumn: "customer_id", rowColumn: "id" },
    ]);
    expect(schemaRedactPaths).toEqual(expect.arrayContaining(["email", "nickname", "note", "*.note", "*.*.note"]));
    expect(schemaRedactPaths).not.toContain("website");
  });

  it("refuses an owner that is not a required String column, owners that differ within a model, and unknown tags", async () => {
    const withNote = (tags: string) =>
      fixtureWith("totalMinor Int /// @class internal", `totalMinor Int /// @class internal\n  note       String? ${tags}\n  memo       String? /// @class sensitive @encrypted`, classified);
    expect(problems(await generateDataClasses(withNote("/// @class sensitive @encrypted owner=totalMinor")))).toEqual([
      "Order's @encrypted fields name different owners (totalMinor, id): a model's encrypted fields share one owner=",
      "Order.note (line 20) names owner=totalMinor, which is not a required String field of Order",
    ]);
    expect(problems(await generateDataClasses(withNote("/// @class sensitive @encryted")))).toEqual([
      'Order.note (line 20) has an unknown tag "@encryted": use `@class <class>` and `@encrypted [owner=<field>]`',
    ]);
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
