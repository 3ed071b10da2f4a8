import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { totpQrCodeDataUrl, totpQrCodeSvg } from "./qr-code";
import { generateTotpSecret, totpUri } from "./totp";

const MARGIN = 2;

/**
 * Reads the dark modules back out of qrcode's SVG path ("M x y", "m dx 0",
 * "h n" commands). No QR decoder is installed, so the test compares this
 * matrix with the one the qrcode encoder builds for the URI at level M.
 */
function darkModules(svg: string): Set<string> {
  const d = /<path stroke="[^"]+" d="([^"]*)"/.exec(svg)?.[1];
  if (d === undefined) throw new Error("no dark path");
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === "M") [x, y] = [n, Number(b)];
    else if (cmd === "m") x += n;
    else for (let i = 0; i < n; i++) dark.add(`${x++ - MARGIN},${y - 0.5 - MARGIN}`);
  }
  return dark;
}

function expectedModules(uri: string): Set<string> {
  const { modules } = QRCode.create(uri, { errorCorrectionLevel: "M" });
  const dark = new Set<string>();
  modules.data.forEach((on, i) => on && dark.add(`${i % modules.size},${Math.floor(i / modules.size)}`));
  return dark;
}

describe("totp QR code", () => {
  const secret = generateTotpSecret();
  const uri = totpUri({ secret, accountName: "jane@example.com", issuer: "Acme Shop" });

  it("returns a base64 SVG data URL that decodes to a script-free SVG", async () => {
    const url = await totpQrCodeDataUrl(uri);
    const prefix = "data:image/svg+xml;base64,";
    expect(url.startsWith(prefix)).toBe(true);
    const svg = Buffer.from(url.slice(prefix.length), "base64").toString("utf8");
    expect(svg).toContain("<svg");
    expect(svg.toLowerCase()).not.toContain("<script");
    expect(svg).not.toMatch(/\son\w+=/i); // no event-handler attributes either
    expect(svg).not.toContain(secret); // the seed is only in the pixels
    expect(svg).toBe(await totpQrCodeSvg(uri));
  });

  it("encodes exactly the URI's QR matrix at error level M with a 2-module margin", async () => {
    const svg = await totpQrCodeSvg(uri);
    const size = QRCode.create(uri, { errorCorrectionLevel: "M" }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 2 * MARGIN} ${size + 2 * MARGIN}"`);
    expect(darkModules(svg)).toEqual(expectedModules(uri));
    const other = totpUri({ secret: generateTotpSecret(), accountName: "jane@example.com", issuer: "Acme Shop" });
    expect(darkModules(svg)).not.toEqual(expectedModules(other));
  });

  it("refuses anything but an otpauth TOTP URI, without echoing it", async () => {
    for (const bad of ["https://evil.example/?secret=ABC", "otpauth://hotp/x?secret=ABC", `otpauth://totp/${"a".repeat(2000)}`]) {
      const error = await totpQrCodeSvg(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).not.toContain("ABC");
    }
  });
});
