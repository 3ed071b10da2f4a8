import "server-only";
import type { z } from "zod";
import { readLimitedText } from "@/lib/api/form-body";
import { API_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import { problemResponse } from "@/lib/api/problem";

/**
 * A JSON body parsed with `schema`, or the problem to answer: 415 for another
 * media type, 413 over the limit (also enforced by the HTTP server), 400 for
 * malformed JSON, 422 with field errors when the schema refuses it.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, response: problemResponse("unsupportedMediaType") };
  const text = await readLimitedText(request, API_BODY_LIMIT_BYTES);
  if (text === null) return { ok: false, response: problemResponse("payloadTooLarge") };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: problemResponse("invalidRequest", { detail: "The body is not valid JSON." }) };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "body";
      (errors[key] ??= []).push(issue.message);
    }
    return { ok: false, response: problemResponse("validation", { errors }) };
  }
  return { ok: true, data: parsed.data };
}
