"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireSession } from "@/lib/guards/current-session";
import { deleteMyAddress, setMyDefaultAddress } from "@/lib/dal/accounts/addresses";
import type { ActionState } from "../action-state";

const idSchema = z.string().min(1).max(40);

/** Deletes or marks as default one of the viewer's addresses, chosen by the button pressed. */
export async function manageAddressAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireSession("/account/addresses");
  const id = idSchema.safeParse(formData.get("id"));
  const intent = formData.get("intent");
  const done =
    id.success && (intent === "delete" ? await deleteMyAddress(viewer, id.data) : await setMyDefaultAddress(viewer, id.data));
  revalidatePath("/account/addresses");
  if (!done) return { status: "error", message: "That address was not found." };
  return { status: "success", message: intent === "delete" ? "The address was deleted." : "That is now your default address." };
}
