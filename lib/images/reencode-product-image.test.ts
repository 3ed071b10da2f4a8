import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_IMAGE_EDGE, MAX_IMAGE_UPLOAD_BYTES } from "./image-limits";
import { reencodeProductImage } from "./reencode-product-image";
import { pngClaimingSize, pngSignatureThenHtml, scriptRenamedPng, svgWithScript, testJpegWithExif, testPng } from "./image-test-fixtures";

const contains = (haystack: Uint8Array, needle: string) => Buffer.from(haystack).includes(Buffer.from(needle, "utf8"));

describe("reencodeProductImage", () => {
  it("re-encodes a PNG as WebP, keeping its dimensions when they fit", async () => {
    const result = await reencodeProductImage(await testPng(64, 48));
    if (!result.ok) throw new Error(result.code);
    expect(result.image).toMatchObject({ contentType: "image/webp", width: 64, height: 48 });
    const decoded = await sharp(result.image.bytes).metadata();
    expect(decoded).toMatchObject({ format: "webp", width: 64, height: 48 });
  });

  it("drops EXIF metadata from a JPEG", async () => {
    const jpeg = await testJpegWithExif();
    expect(contains(jpeg, "SECRET-ARTIST-NAME")).toBe(true);
    const result = await reencodeProductImage(jpeg);
    if (!result.ok) throw new Error(result.code);
    expect(contains(result.image.bytes, "SECRET-ARTIST-NAME")).toBe(false);
    const metadata = await sharp(result.image.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
  });

  it("drops anything appended after the image data", async () => {
    const smuggled = Buffer.concat([await testPng(), Buffer.from("<script>alert('appended')</script>")]);
    const result = await reencodeProductImage(smuggled);
    if (!result.ok) throw new Error(result.code);
    expect(contains(result.image.bytes, "appended")).toBe(false);
  });

  it(`scales large images to fit ${MAX_IMAGE_EDGE} px`, async () => {
    const result = await reencodeProductImage(await testPng(2400, 1200));
    if (!result.ok) throw new Error(result.code);
    expect([result.image.width, result.image.height]).toEqual([MAX_IMAGE_EDGE, MAX_IMAGE_EDGE / 2]);
  });

  it("refuses a script renamed .png, HTML behind a PNG signature, and SVG", async () => {
    expect(await reencodeProductImage(scriptRenamedPng)).toEqual({ ok: false, code: "not_an_image" });
    expect(await reencodeProductImage(svgWithScript)).toEqual({ ok: false, code: "not_an_image" });
    expect(await reencodeProductImage(pngSignatureThenHtml)).toEqual({ ok: false, code: "unreadable" });
  });

  it("refuses a JPEG body behind a PNG signature", async () => {
    // A JPEG body behind a PNG signature: the decoder's format must agree with the sniffed one.
    const jpeg = await testJpegWithExif();
    const disguised = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpeg]);
    const result = await reencodeProductImage(disguised);
    expect(result.ok).toBe(false);
  });

  it("refuses a decompression bomb by its declared dimensions", async () => {
    const bomb = await pngClaimingSize(50_000, 50_000);
    expect(bomb.byteLength).toBeLessThan(1000);
    expect(await reencodeProductImage(bomb)).toEqual({ ok: false, code: "too_many_pixels" });
  });

  it("refuses an empty file and one over the size limit before decoding", async () => {
    expect(await reencodeProductImage(new Uint8Array())).toEqual({ ok: false, code: "empty" });
    const oversized = Buffer.concat([await testPng(), Buffer.alloc(MAX_IMAGE_UPLOAD_BYTES)]);
    expect(await reencodeProductImage(oversized)).toEqual({ ok: false, code: "too_large" });
  });
});
