import "server-only";

/**
 * Staff masking (ARCHITECTURE.md, "Data classification"): sensitive values
 * are shown to staff masked by default; revealing one is a separate, audited
 * step. Each helper keeps just enough to recognise a record, too little to use
 * it. An empty value stays empty: a mask would pretend there is something hidden.
 */

// The email mask predates this module and mail notices use it; one implementation serves both.
export { maskEmail } from "@/lib/mail/mask";

const DOTS = "•••";
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The first user-perceived character (so "É" made of E + U+0301, or an emoji, stays whole). */
function firstGrapheme(word: string): { first: string; count: number } {
  const parts = [...graphemes.segment(word)];
  return { first: parts[0]?.segment ?? "", count: parts.length };
}

/**
 * A phone number with only its last four digits: `+1 555 0100` becomes
 * `•••• ••• 0100`. Numbers of fewer than seven digits are masked whole, since
 * four of them would be most of the number.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length === 0) return phone.trim() === "" ? "" : DOTS;
  if (digits.length < 7) return DOTS;
  return `•••• ••• ${digits.slice(-4)}`;
}

/**
 * A person's name with the first character of each word: `Jane Doe` becomes
 * `J••• D•••`. A one-character word (an initial) is masked whole.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  return words
    .map((word) => {
      const { first, count } = firstGrapheme(word);
      return count > 1 ? `${first}${DOTS}` : DOTS;
    })
    .join(" ");
}

/**
 * An address line with only its last word, and only when that word has no
 * digit: `1 Main Street` becomes `•••• Street`, `Apt 4B` becomes `••••`.
 * House, flat and box numbers are what pin an address down, so they never show.
 */
export function maskAddressLine(line: string): string {
  const words = line.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return "";
  const last = words[words.length - 1] ?? "";
  return words.length > 1 && !/\d/u.test(last) ? `•••• ${last}` : "••••";
}

/**
 * An IP address with its host part hidden: `203.0.113.42` becomes
 * `203.0.113.x`, an IPv6 address keeps at most its first three groups (the
 * /48 a provider assigns): `2001:db8:85a3::x`. Enough for an owner to recognise their own network, too
 * little to locate a household. Anything else is not shown at all.
 */
export function maskIp(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (!/^[0-9a-f:]+$/i.test(ip) || !ip.includes(":")) return null;
  const [head = ""] = ip.split("::");
  const groups = head.split(":").filter(Boolean).slice(0, 3);
  return groups.length === 0 ? null : `${groups.join(":")}::x`;
}
