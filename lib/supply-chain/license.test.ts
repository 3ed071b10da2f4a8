import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const read = (file: string) => readFileSync(join(process.cwd(), file), "utf8");

// A fork inherits the licence with the code: the file, package.json and the README must agree.
describe("LICENSE", () => {
  const license = read("LICENSE");

  it("is the MIT licence in the contributors' name", () => {
    expect(license.split("\n")[0]).toBe("MIT License");
    expect(license).toContain("Copyright (c) 2026 The secure-storefront contributors");
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it("matches what package.json and the README declare", () => {
    expect((JSON.parse(read("package.json")) as { license: string }).license).toBe("MIT");
    expect(read("README.md")).toMatch(/MIT/);
  });
});
