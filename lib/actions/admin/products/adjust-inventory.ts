"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/audit-context";
import { adjustInventory, MAX_STOCK } from "@/lib/dal/catalog/inventory";
import { staffAction } from "../../pipeline/audiences";
import { inventoryAdjustmentSchema } from "./inventory-schema";
import { productIdSchema } from "./product-schema";
import { formatInteger } from "@/lib/config/formats";

const productPage = (id: string | undefined) => (id ? `/admin/products/${id}` : "/admin/products");

/** Adds or removes units of a variant's stock, with a reason (the product id is bound by the page; the variant must be its own). */
export const adjustInventoryAction = staffAction(
  {
    permission: "inventory:write",
    returnTo: productPage,
    bound: productIdSchema,
    input: { fields: ["variantId", "delta", "reason"], schema: inventoryAdjustmentSchema, echo: { delta: 20, reason: 300 } },
    errors: {
      above_maximum: `Stock cannot exceed ${formatInteger(MAX_STOCK)} units. Nothing was changed.`,
      not_found: "This product or variant no longer exists.",
    },
  },
  async ({ viewer, bound: id, input, values, fail }) => {
    const result = await adjustInventory(viewer, { productId: id, variantId: input.variantId }, input, await auditContext());
    if (!result.ok) {
      if (result.code === "below_zero") {
        return { status: "error", message: `Only ${result.stock} in stock: stock cannot go below 0. Nothing was changed.`, values };
      }
      return fail(result.code);
    }
    revalidatePath(`/admin/products/${id}`);
    revalidatePath("/admin/products");
    return { status: "success", message: `Stock is now ${result.stock}.` };
  },
);
