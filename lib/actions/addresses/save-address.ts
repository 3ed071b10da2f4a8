"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { addressFieldNames, addressSchema } from "@/lib/addresses/address-schema";
import { requireSession } from "@/lib/guards/current-session";
import { createMyAddress, updateMyAddress } from "@/lib/dal/accounts/addresses";
import { type ActionState, fieldErrorsOf, textFields } from "../action-state";

/** Adds an address, or replaces one of the viewer's when the form carries its id. */
export async function saveAddressAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const viewer = await requireSession("/account/addresses");
  const raw = textFields(formData, [...addressFieldNames, "id"]);
  const values = Object.fromEntries(addressFieldNames.map((name) => [name, raw[name].slice(0, 200)]));
  const parsed = addressSchema.safeParse({ ...raw, isDefault: formData.get("isDefault") === "on" });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  if (raw.id) {
    // Another customer's id (or a deleted one) changes nothing and looks like any unknown page.
    if (!(await updateMyAddress(viewer, raw.id.slice(0, 40), parsed.data))) notFound();
  } else {
    await createMyAddress(viewer, parsed.data);
  }
  revalidatePath("/account/addresses");
  redirect("/account/addresses?notice=saved");
}
