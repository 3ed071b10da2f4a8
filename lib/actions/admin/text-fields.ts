import "server-only";
import { z } from "zod";

// Control characters have no place in a one-line text (they hide text or break layouts).
export const SINGLE_LINE = /^[^\p{Cc}]*$/u;

/**
 * An optional one-line text, such as a meta title for search engines: empty
 * means "use the default" (null).
 */
export const optionalSingleLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .regex(SINGLE_LINE, "Use one line of text.")
    .transform((text) => (text === "" ? null : text));
