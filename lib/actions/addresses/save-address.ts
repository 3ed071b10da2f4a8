"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { addressFieldNames, addressSchema } from "@/lib/addresses/address-schema";
import { createMyAddress, updateMyAddress } from "@/lib/dal/accounts/addresses";
import { customerAction } from "../pipeline/audiences";

const saveAddressSchema = z.intersection(addressSchema, z.object({ id: z.string().max(40) }));

/** Adds an address, or replaces one of the viewer's when the form carries its id. */
export const saveAddressAction = customerAction(
  {
    returnTo: "/account/addresses",
    input: {
      fields: [...addressFieldNames, "id"],
      extra: (formData) => ({ isDefault: formData.get("isDefault") === "on" }),
      schema: saveAddressSchema,
      echo: Object.fromEntries(addressFieldNames.map((name) => [name, 200])),
    },
  },
  async ({ viewer, input: { id, ...address } }) => {
    if (id) {
      // Another customer's id (or a deleted one) changes nothing and looks like any unknown page.
      if (!(await updateMyAddress(viewer, id, address))) notFound();
    } else {
      await createMyAddress(viewer, address);
    }
    revalidatePath("/account/addresses");
    redirect("/account/addresses?notice=saved");
  },
);
