import "server-only";

/** The OAuth endpoints take small forms; anything larger is refused before parsing. */
export const OAUTH_FORM_LIMIT_BYTES = 8 * 1024;

export type FormBodyResult = { ok: true; body: Record<string, string> } | { ok: false; reason: "media-type" | "too-large" | "repeated" };

/**
 * Reads an application/x-www-form-urlencoded body (RFC 6749 §3.2) with a size
 * cap; a repeated parameter is refused (§3.1), so no value is picked silently.
 */
export async function readFormBody(request: Request, limit = OAUTH_FORM_LIMIT_BYTES): Promise<FormBodyResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return { ok: false, reason: "media-type" };
  const text = await readLimitedText(request, limit);
  if (text === null) return { ok: false, reason: "too-large" };
  const body: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(text)) {
    if (key in body) return { ok: false, reason: "repeated" };
    body[key] = value;
  }
  return { ok: true, body: { ...body } };
}

/** The body as text, or null when it is over `limit` bytes (declared or actual). */
export async function readLimitedText(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
