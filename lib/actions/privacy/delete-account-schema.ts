import "server-only";
import { z } from "zod";

/**
 * Deleting an account cannot be undone, so the user types the word rather
 * than ticking a box: an accidental click or an autofilled form cannot do it.
 */
export const deleteAccountSchema = z.object({
  confirmation: z.literal("DELETE", { message: "Type DELETE in capital letters to confirm." }),
});

export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
