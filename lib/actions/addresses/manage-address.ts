"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteMyAddress, setMyDefaultAddress } from "@/lib/dal/accounts/addresses";
import { customerAction } from "../pipeline/audiences";

const notFound = "That address was not found.";

/** Deletes or marks as default one of the viewer's addresses, chosen by the button pressed. */
export const manageAddressAction = customerAction(
  {
    returnTo: "/account/addresses",
    input: { fields: ["id", "intent"], schema: z.object({ id: z.string().min(1).max(40), intent: z.string() }) },
    invalid: () => ({ status: "error", message: notFound }),
    errors: { not_found: notFound },
  },
  async ({ viewer, input, fail }) => {
    const remove = input.intent === "delete";
    const done = remove ? await deleteMyAddress(viewer, input.id) : await setMyDefaultAddress(viewer, input.id);
    revalidatePath("/account/addresses");
    if (!done) return fail("not_found");
    return { status: "success", message: remove ? "The address was deleted." : "That is now your default address." };
  },
);
