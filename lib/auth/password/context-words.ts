import "server-only";
import { passwordLength } from "./length";

/** Who is choosing the password: their words must not make up most of it. */
export type PasswordContext = { email: string; name?: string };

// A password that is mostly a context word plus under 10 other letters or digits
// is guessable by anyone who knows the account; a long passphrase that merely
// contains the word is not.
const MIN_REMAINDER = 10;
const MIN_TOKEN = 4;
// Names are short: "Ann", "Li" ... three letters is the least worth looking for.
const MIN_NAME_TOKEN = 3;

const normalize = (value: string) =>
  value.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const words = (value: string) => value.split(/[^\p{L}\p{N}]+/u);

/** The normalized context tokens, longest first (so "janedoe" is removed before "jane"). */
export function contextTokens(context: PasswordContext, shopName: string): string[] {
  const tokens = new Set<string>();
  const add = (raw: string, minimum: number) => {
    const token = normalize(raw);
    if (passwordLength(token) >= minimum) tokens.add(token);
  };

  const email = context.email.trim();
  const at = email.lastIndexOf("@");
  const localPart = at > 0 ? email.slice(0, at) : email;
  add(email, MIN_TOKEN);
  add(localPart, MIN_TOKEN);
  for (const word of words(localPart)) add(word, MIN_TOKEN);

  const name = context.name ?? "";
  add(name, MIN_NAME_TOKEN);
  for (const word of words(name)) add(word, MIN_NAME_TOKEN);

  add(shopName, MIN_TOKEN);
  for (const word of words(shopName)) add(word, MIN_TOKEN);

  return [...tokens].sort((a, b) => b.length - a.length);
}

/**
 * Whether the password is built from the user's email, name or the shop's
 * name: after removing every context token from its normalized form
 * (lowercase, letters and digits only), fewer than 10 characters remain.
 */
export function isBuiltFromContext(password: string, context: PasswordContext, shopName: string): boolean {
  const normalized = normalize(password);
  let remainder = normalized;
  for (const token of contextTokens(context, shopName)) remainder = remainder.replaceAll(token, "");
  return remainder !== normalized && passwordLength(remainder) < MIN_REMAINDER;
}
