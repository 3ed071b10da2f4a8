import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encryptedColumnContext, encryptedColumnName, encryptedColumns } from "./encrypted-columns";

/** "Model.field" for every field marked `@encrypted` in schema.prisma (a tiny parser: enough for its layout). */
function encryptedFieldsInSchema(): string[] {
  const schema = readFileSync(join(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const found: string[] = [];
  let model: string | undefined;
  for (const line of schema.split("\n")) {
    const opening = /^model\s+(\w+)\s*\{/.exec(line);
    if (opening) model = opening[1];
    else if (/^\}/.test(line)) model = undefined;
    else if (model && /@encrypted\b/.test(line)) {
      const field = /^\s*(\w+)\s/.exec(line)?.[1];
      if (field) found.push(`${model}.${field}`);
    }
  }
  return found.sort();
}

describe("encryptedColumns", () => {
  it("lists exactly the @encrypted fields of schema.prisma", () => {
    const fields = encryptedFieldsInSchema();
    expect(fields.length).toBeGreaterThanOrEqual(10); // the parser found the fields at all
    expect(encryptedColumns.map(encryptedColumnName).sort()).toEqual(fields);
  });

  it("binds User, Order and guest-contact fields to their own row, Address fields to the owning user and breach-notice recipients to their notice (and, through the row id, to the row)", () => {
    const owner: Record<string, string> = { User: "id", Address: "userId", Order: "id", GuestOrderContact: "orderId", BreachNoticeRecipient: "noticeId" };
    for (const column of encryptedColumns) {
      expect(column.table).toBe(column.model);
      expect(column.ownerColumn).toBe(owner[column.model]);
    }
  });

  it("builds the AAD context the DAL uses", () => {
    const line1 = encryptedColumns.find((column) => encryptedColumnName(column) === "Address.line1");
    expect(line1 && encryptedColumnContext(line1, "user-1", "address-1")).toEqual({ model: "Address", field: "line1", ownerId: "user-1", recordId: "address-1" });
  });
});
