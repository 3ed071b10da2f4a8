import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import manifest from "@/app/manifest";

describe("web app manifest", () => {
  it("is installable: a name, standalone display, a start URL and 192/512 icons that exist", () => {
    const m = manifest();
    expect(m.name).toBeTruthy();
    expect(m.display).toBe("standalone");
    expect(m.start_url).toBe("/");
    const sizes = (m.icons ?? []).map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of m.icons ?? []) expect(existsSync(`public${icon.src}`), icon.src).toBe(true);
  });

  it("comes with no service worker, so no personal page is cached on the device", () => {
    const files = readdirSync("public", { recursive: true }).map(String);
    expect(files.filter((file) => /(^|\/)(sw|service-worker)[^/]*\.js$/.test(file))).toEqual([]);
  });
});
