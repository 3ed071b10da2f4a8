import "server-only";
import QRCode from "qrcode";

// Rendered on our server: sending the URI to a QR web service would hand the
// TOTP seed to a third party. "M" recovers ~15% damage; a 2-module quiet zone
// is enough on a plain page background.
const OPTIONS = { type: "svg", errorCorrectionLevel: "M", margin: 2 } as const;
// Our URIs are ~150 characters; the bound keeps this from rendering arbitrary payloads.
const MAX_URI_LENGTH = 1024;

/**
 * SVG markup of the QR code for an otpauth://totp/ URI. The markup embeds
 * nothing but paths, so it is safe to inline or serve as an image.
 * @throws Error (with no copy of the URI, which holds the secret) when the URI is not a TOTP URI or cannot be rendered.
 */
export async function totpQrCodeSvg(uri: string): Promise<string> {
  if (!uri.startsWith("otpauth://totp/") || uri.length > MAX_URI_LENGTH) {
    throw new Error("Not an otpauth TOTP URI");
  }
  try {
    return await QRCode.toString(uri, OPTIONS);
  } catch {
    // The library's error could end up in a log with its input; the input is a secret.
    throw new Error("Could not render the TOTP QR code");
  }
}

/**
 * The same QR code as a `data:image/svg+xml;base64,…` URL for an `<img src>`
 * (the CSP allows `img-src 'self' data:`; SVG in an <img> never runs scripts).
 * The URL carries the secret: send it only on the no-store enrolment response.
 */
export async function totpQrCodeDataUrl(uri: string): Promise<string> {
  const svg = await totpQrCodeSvg(uri);
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
