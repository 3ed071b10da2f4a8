import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditContext } from "@/lib/context/request-context";
import { appendAudit } from "@/lib/dal/audit/log";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import { type TaxRateFields, taxRateSchema } from "@/lib/shipping/shipping-settings";
import { ShippingSaveError, type ShippingSaveResult } from "./staff-shipping";

/** Staff editing of tax rates and of whether prices include tax (shipping:manage), each save audited in its transaction. */

const actorOf = (viewer: StaffViewer) => ({ id: viewer.userId, role: viewer.role });
const taxSelect = { country: true, region: true, basisPoints: true } as const;

/**
 * Creates (id null) or replaces a tax rate, audited ("tax.rate_created" /
 * "tax.rate_updated"). Refused: a negative or above-100 % rate, an unknown
 * country, a second rate for the same country and region.
 */
export async function saveTaxRate(viewer: StaffViewer, id: string | null, input: TaxRateFields, context: AuditContext): Promise<ShippingSaveResult> {
  assertPermission(viewer, "shipping:manage");
  const parsed = taxRateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: ShippingSaveError.invalid, message: parsed.error.issues[0]?.message };
  const fields = parsed.data;
  try {
    return await db.$transaction(async (tx): Promise<ShippingSaveResult> => {
      const before = id ? await tx.taxRate.findUnique({ where: { id }, select: taxSelect }) : null;
      if (id && !before) return { ok: false, code: ShippingSaveError.notFound };
      const saved = id ? await tx.taxRate.update({ where: { id }, data: fields, select: { id: true } }) : await tx.taxRate.create({ data: fields, select: { id: true } });
      await appendAudit(tx, {
        actor: actorOf(viewer),
        action: id ? "tax.rate_updated" : "tax.rate_created",
        target: { type: "tax_rate", id: saved.id },
        ...(before ? { before } : {}),
        after: fields,
        outcome: "success",
        context,
      });
      return { ok: true, id: saved.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, code: ShippingSaveError.nameTaken, message: "That country and region already have a tax rate." };
    }
    throw error;
  }
}

/** Deletes a tax rate, audited ("tax.rate_deleted"). */
export async function deleteTaxRate(viewer: StaffViewer, id: string, context: AuditContext): Promise<ShippingSaveResult> {
  assertPermission(viewer, "shipping:manage");
  return db.$transaction(async (tx) => {
    const before = await tx.taxRate.findUnique({ where: { id }, select: taxSelect });
    if (!before) return { ok: false as const, code: ShippingSaveError.notFound };
    await tx.taxRate.delete({ where: { id } });
    await appendAudit(tx, { actor: actorOf(viewer), action: "tax.rate_deleted", target: { type: "tax_rate", id }, before, outcome: "success", context });
    return { ok: true as const, id };
  });
}

/**
 * Whether catalog prices and shipping rates include tax, audited
 * ("tax.prices_include_tax_changed"). A call that changes nothing writes nothing.
 */
export async function setPricesIncludeTax(viewer: StaffViewer, pricesIncludeTax: boolean, context: AuditContext): Promise<void> {
  assertPermission(viewer, "shipping:manage");
  await db.$transaction(async (tx) => {
    const before = await tx.shopSetting.findUnique({ where: { id: 1 }, select: { pricesIncludeTax: true } });
    if ((before?.pricesIncludeTax ?? false) === pricesIncludeTax) return;
    await tx.shopSetting.upsert({ where: { id: 1 }, create: { id: 1, pricesIncludeTax }, update: { pricesIncludeTax } });
    await appendAudit(tx, {
      actor: actorOf(viewer),
      action: "tax.prices_include_tax_changed",
      target: { type: "shop_setting", id: "1" },
      before: { pricesIncludeTax: !pricesIncludeTax },
      after: { pricesIncludeTax },
      outcome: "success",
      context,
    });
  });
}
