import "server-only";

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/**
 * A user-supplied display name made safe to greet with: control characters and
 * runs of whitespace collapsed, length capped, and anything that looks like a
 * link or address replaced, so nobody can sign up with a "name" that carries a
 * phishing link into a mail we send to someone else.
 */
export function greetingName(name: string): string {
  const cleaned = name.replace(/[\p{Cc}\p{Cf}\s]+/gu, " ").trim().slice(0, 50).trim();
  if (!cleaned || /:\/\/|www\.|@|\.[a-z]{2,}\b/i.test(cleaned)) return "there";
  return cleaned;
}

/** A short one-line value from the request (device, IP): control characters removed, length capped. */
export function oneLine(value: string, max = 120): string {
  return value.replace(/[\p{Cc}\p{Cf}\s]+/gu, " ").trim().slice(0, max);
}
