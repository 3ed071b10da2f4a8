import "server-only";
import { auditValues } from "@/lib/audit/audit-values";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/dal/audit/log";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import type { AuditContext } from "@/lib/context/request-context";
import { DISCOUNT_CODE_PATTERN, normaliseDiscountCode } from "@/lib/discounts/discount-rules";

/**
 * The fields the discount form owns (validated by the action's schema; the
 * checks here hold whoever calls). Usage, ids and timestamps are never among
 * them; the currency is the shop's.
 */
export type DiscountFields = {
  code: string;
  kind: "percentage" | "fixed_amount";
  percentOff: number | null;
  amountOffMinor: number | null;
  minSubtotalMinor: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  totalLimit: number | null;
  perCustomerLimit: number | null;
  categoryIds: string[];
};

export const DiscountSaveError = { notFound: "not_found", codeTaken: "code_taken", invalid: "invalid", unknownCategory: "unknown_category" } as const;
export type DiscountSaveErrorCode = (typeof DiscountSaveError)[keyof typeof DiscountSaveError];
export type DiscountSaveResult = { ok: true; id: string } | { ok: false; code: DiscountSaveErrorCode };

/** Copies the owned fields by name (no mass assignment), normalising the code and keeping one amount per kind. */
function ownedFields(fields: DiscountFields) {
  const percentage = fields.kind === "percentage";
  return {
    code: normaliseDiscountCode(fields.code),
    kind: fields.kind,
    percentOff: percentage ? fields.percentOff : null,
    amountOffMinor: percentage ? null : fields.amountOffMinor,
    minSubtotalMinor: fields.minSubtotalMinor,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    totalLimit: fields.totalLimit,
    perCustomerLimit: fields.perCustomerLimit,
    categoryIds: [...new Set(fields.categoryIds)].sort(),
  };
}

type Owned = ReturnType<typeof ownedFields>;

function isValid(fields: Owned): boolean {
  const positive = (value: number | null) => value === null || (Number.isSafeInteger(value) && value >= 1);
  const amount = fields.kind === "percentage" ? fields.percentOff !== null && fields.percentOff >= 1 && fields.percentOff <= 100 : fields.amountOffMinor !== null && positive(fields.amountOffMinor);
  const window = !fields.startsAt || !fields.endsAt || fields.startsAt < fields.endsAt;
  const minimum = fields.minSubtotalMinor === null || (Number.isSafeInteger(fields.minSubtotalMinor) && fields.minSubtotalMinor >= 0);
  return DISCOUNT_CODE_PATTERN.test(fields.code) && amount && window && minimum && positive(fields.totalLimit) && positive(fields.perCustomerLimit);
}

async function refusal(tx: Prisma.TransactionClient, fields: Owned, id: string | null): Promise<DiscountSaveErrorCode | null> {
  if (!isValid(fields)) return DiscountSaveError.invalid;
  const same = await tx.discountCode.findUnique({ where: { code: fields.code }, select: { id: true } });
  if (same && same.id !== id) return DiscountSaveError.codeTaken;
  const known = await tx.category.count({ where: { id: { in: fields.categoryIds } } });
  return known === fields.categoryIds.length ? null : DiscountSaveError.unknownCategory;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function refusingDuplicateCode(save: () => Promise<DiscountSaveResult>): Promise<DiscountSaveResult> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: DiscountSaveError.codeTaken };
    throw error;
  }
}

const actorOf = (viewer: StaffViewer) => ({ id: viewer.userId, role: viewer.role });

/** Creates an active discount code in the shop's currency (discounts:manage), audited ("discount.created"). */
export async function createDiscountCode(viewer: StaffViewer, input: DiscountFields, context: AuditContext): Promise<DiscountSaveResult> {
  assertPermission(viewer, "discounts:manage");
  const fields = ownedFields(input);
  return refusingDuplicateCode(() =>
    db.$transaction(async (tx): Promise<DiscountSaveResult> => {
      const refused = await refusal(tx, fields, null);
      if (refused) return { ok: false, code: refused };
      const created = await tx.discountCode.create({ data: { ...fields, currency: SHOP_CURRENCY, active: true }, select: { id: true } });
      const after = auditValues("DiscountCode", { ...fields, currency: SHOP_CURRENCY, active: true });
      await appendAudit(tx, { actor: actorOf(viewer), action: "discount.created", target: { type: "discount", id: created.id }, after, outcome: "success", context });
      return { ok: true, id: created.id };
    }),
  );
}

const savedSelect = {
  code: true,
  kind: true,
  percentOff: true,
  amountOffMinor: true,
  minSubtotalMinor: true,
  startsAt: true,
  endsAt: true,
  totalLimit: true,
  perCustomerLimit: true,
  categoryIds: true,
} as const;

/**
 * Saves the form's fields of a code (discounts:manage). Orders already placed
 * keep the amount and code they were given; the audit entry
 * ("discount.updated") records the changed fields, before and after.
 */
export async function updateDiscountCode(viewer: StaffViewer, id: string, input: DiscountFields, context: AuditContext): Promise<DiscountSaveResult> {
  assertPermission(viewer, "discounts:manage");
  const fields = ownedFields(input);
  return refusingDuplicateCode(() =>
    db.$transaction(async (tx): Promise<DiscountSaveResult> => {
      const before = await tx.discountCode.findUnique({ where: { id }, select: savedSelect });
      if (!before) return { ok: false, code: DiscountSaveError.notFound };
      const refused = await refusal(tx, fields, id);
      if (refused) return { ok: false, code: refused };
      const changed = (Object.keys(fields) as (keyof Owned)[]).filter((key) => JSON.stringify(fields[key]) !== JSON.stringify(before[key]));
      if (changed.length === 0) return { ok: true, id };
      await tx.discountCode.update({ where: { id }, data: fields });
      const pick = (values: Record<string, unknown>) => auditValues("DiscountCode", Object.fromEntries(changed.map((key) => [key, values[key]])));
      await appendAudit(tx, { actor: actorOf(viewer), action: "discount.updated", target: { type: "discount", id }, before: pick(before), after: pick(fields), outcome: "success", context });
      return { ok: true, id };
    }),
  );
}

/**
 * Deactivates a code (no new order may use it; orders placed keep their
 * discount) or activates it again (discounts:manage), audited
 * ("discount.deactivated" / "discount.activated"). A call that changes nothing writes nothing.
 */
export async function setDiscountCodeActive(viewer: StaffViewer, id: string, active: boolean, context: AuditContext): Promise<DiscountSaveResult> {
  assertPermission(viewer, "discounts:manage");
  return db.$transaction(async (tx) => {
    const changed = await tx.discountCode.updateMany({ where: { id, active: !active }, data: { active } });
    if (changed.count === 0) {
      return (await tx.discountCode.count({ where: { id } })) ? { ok: true as const, id } : { ok: false as const, code: DiscountSaveError.notFound };
    }
    const action = active ? "discount.activated" : "discount.deactivated";
    await appendAudit(tx, { actor: actorOf(viewer), action, target: { type: "discount", id }, before: { active: !active }, after: { active }, outcome: "success", context });
    return { ok: true as const, id };
  });
}
