import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commandSiteUrl, recordedLocalSiteUrl, recordLocalSiteUrl } from "./local-site-url";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the local shop's recorded origin", () => {
  it("is read back as the demo recorded it (its own port, not a default one)", async () => {
    dir = mkdtempSync(join(tmpdir(), "site-url-"));
    expect(await recordedLocalSiteUrl(dir)).toBeUndefined();
    await recordLocalSiteUrl(dir, "http://localhost:3490");
    expect(await recordedLocalSiteUrl(dir)).toBe("http://localhost:3490");
  });

  it("is ignored when the file holds anything but an origin", async () => {
    dir = mkdtempSync(join(tmpdir(), "site-url-"));
    writeFileSync(join(dir, "site-url"), "http://localhost:3490/evil path\n");
    expect(await recordedLocalSiteUrl(dir)).toBeUndefined();
  });

  it("is what a command on the embedded database links to, unless the operator set SITE_URL or PORT", () => {
    const recorded = "http://localhost:3490";
    expect(commandSiteUrl({ embedded: true, operatorSetSiteUrl: false, recorded })).toBe(recorded);
    expect(commandSiteUrl({ embedded: true, operatorSetSiteUrl: true, recorded })).toBeUndefined();
    expect(commandSiteUrl({ embedded: false, operatorSetSiteUrl: false, recorded })).toBeUndefined();
    expect(commandSiteUrl({ embedded: true, operatorSetSiteUrl: false, recorded: undefined })).toBeUndefined();
  });
});
