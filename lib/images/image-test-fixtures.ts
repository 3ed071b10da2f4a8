import { crc32 } from "node:zlib";
import sharp from "sharp";

/**
 * Real image files made on the spot for the image tests, plus the hostile
 * ones an upload must refuse. Nothing is read from disk.
 */

/** A PNG of the given size, a colour gradient so it does not compress to nothing. */
export async function testPng(width = 64, height = 48): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set([(i * 7) % 256, (i * 13) % 256, (i * 29) % 256], i * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** A JPEG carrying EXIF metadata (a camera owner and a GPS-like comment) that must not survive. */
export async function testJpegWithExif(): Promise<Buffer> {
  return sharp(await testPng(40, 30))
    .jpeg()
    .withExif({ IFD0: { Artist: "SECRET-ARTIST-NAME", ImageDescription: "GPS 51.5007 -0.1246" } })
    .toBuffer();
}

/** A script saved under an image's name: no image signature at all. */
export const scriptRenamedPng = Buffer.from("<script>alert(document.cookie)</script>\n", "utf8");

/** An HTML page that starts with the PNG signature to fool a naive check: it does not decode. */
export const pngSignatureThenHtml = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("<html><body><script>alert(1)</script></body></html>", "utf8"),
]);

/** An SVG image: a real image format, but one that can carry script, so never accepted. */
export const svgWithScript = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "utf8");

/**
 * A valid PNG whose header claims `width` × `height` pixels: a few hundred
 * bytes on disk, gigabytes once decoded (a decompression bomb).
 */
export async function pngClaimingSize(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await testPng(1, 1));
  // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type and data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
