import { describe, expect, it } from "vitest";
import { parseCatalogCliArgs } from "./catalog-cli-args";

describe("parseCatalogCliArgs", () => {
  it("reads one file, --dry-run and --operator", () => {
    expect(parseCatalogCliArgs(["catalog.csv", "--dry-run", "--operator", "ana"], "usage", { dryRun: true })).toEqual({ ok: true, file: "catalog.csv", dryRun: true, operator: "ana" });
  });
  it("refuses no file, two files and options the command does not take", () => {
    expect(parseCatalogCliArgs([], "usage", { dryRun: true }).ok).toBe(false);
    expect(parseCatalogCliArgs(["a.csv", "b.csv"], "usage", { dryRun: true }).ok).toBe(false);
    expect(parseCatalogCliArgs(["a.csv", "--dry-run"], "usage", { dryRun: false }).ok).toBe(false);
  });
});
