import { describe, expect, it } from "vitest";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { databaseIsUp } from "./health";

requireTestDatabaseUrl();

describe("databaseIsUp", () => {
  it("is true against the test database", async () => {
    await expect(databaseIsUp()).resolves.toBe(true);
  });
});
