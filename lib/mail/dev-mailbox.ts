import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/** One message in the dev mailbox listing. */
export type DevMailboxEntry = { id: string; to: string; subject: string; date: string };

/** One message with its plain-text body. */
export type DevMailboxMessage = DevMailboxEntry & { text: string };

// Time first (zero-padded), so ids sort by arrival; the UUID keeps them unique.
const ID_PATTERN = /^\d{15}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The turbopackIgnore hints: the mailbox is runtime data in DATA_DIR, not part of the
// build, so the bundler must not trace (and ship) the whole project because of it.

/** The folder the dev mailbox writes to (`${DATA_DIR}/mailbox`). */
export function devMailboxDir(): string {
  return path.join(env.DATA_DIR, "mailbox");
}

/**
 * Stores a message as `<id>.eml` (the real MIME message, for any mail client)
 * and `<id>.json` (the index entry with the text, written last so a listed
 * message is complete). Owner-only permissions: mail carries sign-in links.
 */
export async function saveToDevMailbox(
  dir: string,
  message: { to: string; subject: string; text: string },
  eml: Buffer,
): Promise<string> {
  await mkdir(/*turbopackIgnore: true*/ dir, { recursive: true, mode: 0o700 });
  const id = `${String(Date.now()).padStart(15, "0")}-${randomUUID()}`;
  const entry: DevMailboxMessage = { id, to: message.to, subject: message.subject, date: new Date().toISOString(), text: message.text };
  await writeFile(/*turbopackIgnore: true*/ path.join(dir, `${id}.eml`), eml, { mode: 0o600 });
  await writeFile(/*turbopackIgnore: true*/ path.join(dir, `${id}.json`), JSON.stringify(entry), { mode: 0o600 });
  return id;
}

async function readEntry(dir: string, id: string): Promise<DevMailboxMessage | null> {
  try {
    return JSON.parse(await readFile(/*turbopackIgnore: true*/ path.join(dir, `${id}.json`), "utf8")) as DevMailboxMessage;
  } catch {
    return null; // missing, or still being written
  }
}

/** The newest `limit` messages, newest first. */
export async function listDevMailbox(dir = devMailboxDir(), limit = 200): Promise<DevMailboxEntry[]> {
  const names = await readdir(/*turbopackIgnore: true*/ dir).catch(() => [] as string[]);
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((id) => ID_PATTERN.test(id))
    .sort()
    .reverse()
    .slice(0, limit);
  const entries = await Promise.all(ids.map((id) => readEntry(dir, id)));
  return entries.flatMap((entry) => (entry ? [{ id: entry.id, to: entry.to, subject: entry.subject, date: entry.date }] : []));
}

/** One message by id; null for an unknown or malformed id (never a path outside the mailbox). */
export async function readDevMailboxMessage(id: string, dir = devMailboxDir()): Promise<DevMailboxMessage | null> {
  if (!ID_PATTERN.test(id)) return null;
  return readEntry(dir, id);
}
