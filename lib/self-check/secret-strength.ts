/**
 * Why a configured secret is too weak to keep, or null. Generated secrets
 * (`openssl rand -base64 32`) pass; placeholders, words and short strings do
 * not. Keys given as base64 of 32 bytes must decode to random bytes, not text.
 */
const PLACEHOLDER = /change.?me|changeit|secret|password|example|default|placeholder|replace|demo|dummy|test|xxxx|1234|abcd/i;
const MIN_LENGTH = 32;
const MIN_DISTINCT_CHARACTERS = 12;

export function weakSecretReason(value: string): string | null {
  if (value.length < MIN_LENGTH) return `shorter than ${MIN_LENGTH} characters`;
  if (PLACEHOLDER.test(value)) return "looks like a placeholder or a word, not a generated secret";
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS) return "too few distinct characters to be random";
  return null;
}

/** For keys that are base64 of 32 random bytes (BLIND_INDEX_KEY, AUDIT_CHAIN_KEY). */
export function weakBase64KeyReason(value: string): string | null {
  const bytes = Buffer.from(value, /[-_]/.test(value) ? "base64url" : "base64");
  if (bytes.length < 32) return "does not decode to 32 bytes";
  // 32 random bytes are practically never all printable text: such a key was typed, not generated.
  if (bytes.every((byte) => byte >= 0x20 && byte < 0x7f)) return "decodes to readable text, so it was typed rather than generated";
  if (new Set(bytes).size < 16) return "too few distinct bytes to be random";
  return null;
}
