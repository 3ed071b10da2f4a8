/**
 * The one place a description is shortened for a page's meta description, Open
 * Graph and Twitter tags: markup stripped, whitespace collapsed, cut at a word
 * boundary with an ellipsis. Search engines show about 155–160 characters, so
 * the result (ellipsis included) never exceeds `max`.
 */
export const META_DESCRIPTION_MAX = 155;

const ELLIPSIS = "…";

/** Plain text: tags removed, control and format characters dropped, whitespace collapsed. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `text` as a meta description of at most `max` characters (code points), cut between words. */
export function metaDescription(text: string, max = META_DESCRIPTION_MAX): string {
  const plain = plainText(text);
  // Count code points, so an emoji or other astral character is never split in half.
  const chars = Array.from(plain);
  if (chars.length <= max) return plain;
  const room = chars.slice(0, max - ELLIPSIS.length).join("");
  const nextChar = chars[max - ELLIPSIS.length];
  // The cut fell between words when the next character is a space; otherwise step back to the last space,
  // unless that throws away more than half (one very long word: cut inside it rather than say nothing).
  const lastSpace = room.lastIndexOf(" ");
  const words = nextChar === " " || lastSpace < room.length / 2 ? room : room.slice(0, lastSpace);
  // "word, …" and "word. …" read badly: drop trailing punctuation before the ellipsis.
  return `${words.replace(/[\s,;:.\-–—]+$/u, "")}${ELLIPSIS}`;
}
