import { describe, expect, it } from "vitest";
import { sniffImageType } from "./sniff-image-type";
import { scriptRenamedPng, svgWithScript, testJpegWithExif, testPng } from "./image-test-fixtures";

describe("sniffImageType", () => {
  it("recognises PNG, JPEG and WebP by their first bytes", async () => {
    const png = await testPng();
    expect(sniffImageType(png)).toBe("png");
    expect(sniffImageType(await testJpegWithExif())).toBe("jpeg");
    const { default: sharp } = await import("sharp");
    expect(sniffImageType(await sharp(png).webp().toBuffer())).toBe("webp");
  });

  it("refuses text, SVG, GIF, and RIFF files that are not WebP", () => {
    expect(sniffImageType(scriptRenamedPng)).toBeNull();
    expect(sniffImageType(svgWithScript)).toBeNull();
    expect(sniffImageType(Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"))).toBeNull();
    expect(sniffImageType(Buffer.from("RIFF\x00\x00\x00\x00WAVEfmt ", "latin1"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e]))).toBeNull();
  });
});
