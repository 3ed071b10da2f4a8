import "server-only";
import { z } from "zod";

/**
 * Opaque cursors for list endpoints: the client passes back `nextCursor` as
 * it got it. Inside, a position the server understands (a row id for keyset
 * pages, a page number where the data access layer pages by number); a
 * cursor that does not decode is refused as a bad request, never guessed at.
 */
export function encodeCursor(position: string | number): string {
  return Buffer.from(JSON.stringify({ p: position }), "utf8").toString("base64url");
}

const cursorSchema = z.object({ p: z.union([z.string().min(1).max(40), z.number().int().min(1).max(10_000)]) });

export function decodeCursor(cursor: string | null): { ok: true; position: string | number | null } | { ok: false } {
  if (cursor === null) return { ok: true, position: null };
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return { ok: false };
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { ok: true, position: parsed.data.p } : { ok: false };
  } catch {
    return { ok: false };
  }
}
