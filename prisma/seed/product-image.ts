// Product images are generated locally as plain SVG files served from /public: the shop uses no external image
// hosts, and the strict Content-Security-Policy (img-src 'self') only allows images from the shop's own origin.
import { createHash } from "node:crypto";

export type ProductImageInput = { name: string; categorySlug: string; slug: string };

const LINE = 'fill="none" stroke="#fff" stroke-linecap="round" stroke-linejoin="round"';
const STROKE = `${LINE} stroke-width="28"`;

/** Category glyphs: simple white shapes centred around (400, 340) in an 800x800 canvas. */
const GLYPHS: Readonly<Record<string, string>> = {
  audio:
    `<path d="M230 400V340a170 170 0 0 1 340 0v60" ${STROKE}/>` +
    '<rect x="196" y="360" width="84" height="150" rx="36" fill="#fff"/>' +
    '<rect x="520" y="360" width="84" height="150" rx="36" fill="#fff"/>',
  "home-office":
    `<path d="M300 500L370 330L470 250" ${STROKE}/>` +
    '<path d="M440 220L560 290L505 340Z" fill="#fff"/>' +
    '<rect x="220" y="500" width="360" height="34" rx="17" fill="#fff"/>' +
    '<circle cx="370" cy="330" r="22" fill="#fff"/>',
  kitchen:
    '<rect x="250" y="250" width="230" height="260" rx="40" fill="#fff"/>' +
    `<path d="M480 300h40a60 60 0 0 1 0 120h-40" ${STROKE}/>` +
    `<path d="M310 160q-25 35 0 60M370 160q-25 35 0 60M430 160q-25 35 0 60" ${LINE} stroke-width="16"/>`,
  outdoor:
    '<path d="M170 520L340 240L510 520Z" fill="#fff"/>' +
    '<path d="M380 520L500 320L630 520Z" fill="#fff" fill-opacity=".7"/>' +
    '<circle cx="560" cy="200" r="44" fill="#fff"/>',
  apparel:
    '<path d="M330 200L250 230L170 320L230 380L280 340V540H520V340L570 380L630 320L550 230L470 200' +
    'Q400 260 330 200Z" fill="#fff"/>',
};

const FALLBACK_GLYPH = '<rect x="260" y="200" width="280" height="280" rx="48" fill="#fff"/>';

/** Escapes text for use in SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number): string => {
    const k = (n + h / 30) % 12;
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** Two gradient colours derived deterministically from the SHA-256 of the slug, the hue turned by `hueTurn` degrees. */
function gradientColours(slug: string, hueTurn = 0): [string, string] {
  const digest = createHash("sha256").update(slug, "utf8").digest();
  const hue = (digest.readUInt16BE(0) + 360 + hueTurn) % 360;
  const shift = 30 + (digest.readUInt8(2) % 90);
  const sat = 0.45 + (digest.readUInt8(3) % 30) / 100;
  const light = 0.38 + (digest.readUInt8(4) % 12) / 100;
  return [hslToHex(hue, sat, light), hslToHex((hue + shift) % 360, sat, light - 0.12)];
}

/** A digest byte as a number in [low, high): the illustration's deterministic variations. */
function pick(digest: Buffer, index: number, low: number, high: number): number {
  return low + ((digest[index % digest.length] ?? 0) % (high - low));
}

/**
 * How a gallery's further views differ from the main one (view 0): the glyph
 * seen closer up or from further back, the light from another side, the
 * background's colours turned around the wheel. Deterministic, like view 0.
 */
const VIEWS: readonly { scale: [number, number]; gradient: string; hueTurn: number; centreY: number }[] = [
  { scale: [88, 112], gradient: 'x1="0" y1="0" x2="1" y2="1"', hueTurn: 0, centreY: 380 },
  { scale: [135, 155], gradient: 'x1="1" y1="0" x2="0" y2="1"', hueTurn: 25, centreY: 350 },
  { scale: [58, 70], gradient: 'x1="0" y1="1" x2="0" y2="0"', hueTurn: -25, centreY: 455 },
];

/** The number of different views productImageSvg draws of one product. */
export const PRODUCT_IMAGE_VIEWS = VIEWS.length;

/**
 * Returns a self-contained 800x800 SVG (no scripts, no external references,
 * no text: the page names the product, and text baked into a picture is lost
 * to screen readers, translation and small screens). The category's glyph sits
 * on a floor shadow over a gradient with a few soft discs; the slug's digest
 * varies the colours, the discs and the glyph's size and tilt, so products of
 * one category still look apart. `view` (0 to PRODUCT_IMAGE_VIEWS - 1) draws
 * another picture of the same product for its gallery; view 0 is the main one.
 */
export function productImageSvg(product: ProductImageInput, view = 0): string {
  const style = VIEWS[view] ?? VIEWS[0]!;
  const [from, to] = view === 0 ? gradientColours(product.slug) : gradientColours(`${product.slug}:view${view}`, style.hueTurn);
  const digest = createHash("sha256").update(view === 0 ? `illustration:${product.slug}` : `illustration:${product.slug}:view${view}`, "utf8").digest();
  const glyph = GLYPHS[product.categorySlug] ?? FALLBACK_GLYPH;
  const scale = pick(digest, 0, style.scale[0], style.scale[1]) / 100;
  const tilt = pick(digest, 1, 0, 17) - 8;
  const discs = [0, 1, 2]
    .map((n) => `<circle cx="${pick(digest, 2 + n * 3, 60, 740)}" cy="${pick(digest, 3 + n * 3, 60, 420)}" r="${pick(digest, 4 + n * 3, 40, 150)}"/>`)
    .join("");
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img">' +
    `<title>${escapeXml(product.name)}</title>` +
    `<defs><linearGradient id="bg" ${style.gradient}>` +
    `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    '<rect width="800" height="800" fill="url(#bg)"/>' +
    `<g fill="#fff" fill-opacity=".08">${discs}</g>` +
    '<ellipse cx="400" cy="565" rx="240" ry="30" fill="#000" fill-opacity=".18"/>' +
    `<g opacity=".94" transform="translate(400 ${style.centreY}) rotate(${tilt}) scale(${scale}) translate(-400 -380)">${glyph}</g>` +
    "</svg>\n"
  );
}
