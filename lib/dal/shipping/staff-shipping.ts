import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditContext } from "@/lib/context/request-context";
import { appendAudit } from "@/lib/dal/audit/log";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";
import { type RateInput, rateSchema, type ZoneFields, zoneSchema } from "@/lib/shipping/shipping-settings";
import { loadPricingRules } from "./pricing-rules";
import type { PricingRules } from "@/lib/payments/pricing";

/**
 * Staff editing of shipping zones and their rates (shipping:manage). Every
 * save checks its input again here (whoever calls), runs in one transaction
 * with its audit entry, and changes nothing when refused. Orders already
 * placed keep their own amounts.
 */
export const ShippingSaveError = {
  notFound: "not_found",
  invalid: "invalid",
  /** A country already belongs to another zone (`countries` says which). */
  countryTaken: "country_taken",
  /** Another zone is already the rest of the world. */
  restOfWorldTaken: "rest_of_world_taken",
  nameTaken: "name_taken",
} as const;
export type ShippingSaveErrorCode = (typeof ShippingSaveError)[keyof typeof ShippingSaveError];
export type ShippingSaveResult = { ok: true; id: string } | { ok: false; code: ShippingSaveErrorCode; countries?: string[]; message?: string };

const actorOf = (viewer: StaffViewer) => ({ id: viewer.userId, role: viewer.role });
const refused = (code: ShippingSaveErrorCode, extra: { countries?: string[]; message?: string } = {}): ShippingSaveResult => ({ ok: false, code, ...extra });
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The shop's pricing rules with the ids the admin forms bind. */
export type StaffShippingSettingsDTO = Omit<PricingRules, "taxRates"> & { taxRates: { id: string; country: string; region: string; basisPoints: number }[] };

/** The zones, rates, tax rates and the tax setting, as the admin page edits them (shipping:manage). */
export async function getShippingSettingsForStaff(viewer: StaffViewer): Promise<StaffShippingSettingsDTO> {
  assertPermission(viewer, "shipping:manage");
  const [rules, taxRates] = await Promise.all([
    loadPricingRules(),
    db.taxRate.findMany({ select: { id: true, country: true, region: true, basisPoints: true }, orderBy: [{ country: "asc" }, { region: "asc" }] }),
  ]);
  return { ...rules, taxRates };
}

/** Two saves racing for one country (or for the rest of the world) meet the database's unique keys: the loser is refused. */
async function refusingDuplicates(save: () => Promise<ShippingSaveResult>, onDuplicate: ShippingSaveResult): Promise<ShippingSaveResult> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) return onDuplicate;
    throw error;
  }
}

async function zoneRefusal(tx: Prisma.TransactionClient, fields: ZoneFields, id: string | null): Promise<ShippingSaveResult | null> {
  const taken = await tx.shippingZoneCountry.findMany({
    where: { country: { in: fields.countries }, ...(id ? { zoneId: { not: id } } : {}) },
    select: { country: true },
    orderBy: { country: "asc" },
  });
  if (taken.length > 0) return refused(ShippingSaveError.countryTaken, { countries: taken.map((row) => row.country) });
  if (fields.restOfWorld && (await tx.shippingZone.count({ where: { restOfWorld: true, ...(id ? { id: { not: id } } : {}) } })) > 0) {
    return refused(ShippingSaveError.restOfWorldTaken);
  }
  const sameName = await tx.shippingZone.findUnique({ where: { name: fields.name }, select: { id: true } });
  return sameName && sameName.id !== id ? refused(ShippingSaveError.nameTaken) : null;
}

/**
 * Creates a zone (id null) or replaces a zone's name, countries and
 * rest-of-world flag, audited ("shipping.zone_created" / "shipping.zone_updated",
 * before and after). A country of another zone refuses the whole save.
 */
export async function saveShippingZone(viewer: StaffViewer, id: string | null, input: ZoneFields, context: AuditContext): Promise<ShippingSaveResult> {
  assertPermission(viewer, "shipping:manage");
  const parsed = zoneSchema.safeParse(input);
  if (!parsed.success) return refused(ShippingSaveError.invalid, { message: parsed.error.issues[0]?.message });
  const fields = { ...parsed.data, countries: [...parsed.data.countries].sort() };
  return refusingDuplicates(
    () =>
      db.$transaction(async (tx): Promise<ShippingSaveResult> => {
        const before = id ? await tx.shippingZone.findUnique({ where: { id }, select: { name: true, restOfWorld: true, countries: { select: { country: true }, orderBy: { country: "asc" } } } }) : null;
        if (id && !before) return refused(ShippingSaveError.notFound);
        const refusal = await zoneRefusal(tx, fields, id);
        if (refusal) return refusal;
        const data = { name: fields.name, restOfWorld: fields.restOfWorld };
        const zoneId = id
          ? (await tx.shippingZone.update({ where: { id }, data, select: { id: true } })).id
          : (await tx.shippingZone.create({ data, select: { id: true } })).id;
        await tx.shippingZoneCountry.deleteMany({ where: { zoneId } });
        await tx.shippingZoneCountry.createMany({ data: fields.countries.map((country) => ({ country, zoneId })) });
        const previous = before && { name: before.name, restOfWorld: before.restOfWorld, countries: before.countries.map((row) => row.country) };
        await appendAudit(tx, {
          actor: actorOf(viewer),
          action: id ? "shipping.zone_updated" : "shipping.zone_created",
          target: { type: "shipping_zone", id: zoneId },
          ...(previous ? { before: previous } : {}),
          after: fields,
          outcome: "success",
          context,
        });
        return { ok: true, id: zoneId };
      }),
    refused(ShippingSaveError.countryTaken, { message: "Another save took one of these countries (or the rest of the world) first." }),
  );
}

/** Deletes a zone and its rates, audited ("shipping.zone_deleted"); orders placed keep their amounts. */
export async function deleteShippingZone(viewer: StaffViewer, id: string, context: AuditContext): Promise<ShippingSaveResult> {
  assertPermission(viewer, "shipping:manage");
  return db.$transaction(async (tx) => {
    const before = await tx.shippingZone.findUnique({ where: { id }, select: { name: true } });
    if (!before) return refused(ShippingSaveError.notFound);
    await tx.shippingZone.delete({ where: { id } });
    await appendAudit(tx, { actor: actorOf(viewer), action: "shipping.zone_deleted", target: { type: "shipping_zone", id }, before, outcome: "success", context });
    return { ok: true as const, id };
  });
}

const rateSelect = {
  zoneId: true,
  name: true,
  description: true,
  kind: true,
  amountMinor: true,
  freeFromMinor: true,
  bands: { select: { minGrams: true, maxGrams: true, amountMinor: true }, orderBy: { minGrams: "asc" } },
} as const;

/**
 * Creates a rate in `zoneId` (id null) or replaces one of its rates, bands
 * included, audited ("shipping.rate_created" / "shipping.rate_updated").
 * Refused, with nothing saved: a negative amount, a free-over rate without its
 * threshold, a weight rate without bands or with overlapping ones, a rate id
 * of another zone.
 */
export async function saveShippingRate(viewer: StaffViewer, zoneId: string, id: string | null, input: RateInput, context: AuditContext): Promise<ShippingSaveResult> {
  assertPermission(viewer, "shipping:manage");
  const parsed = rateSchema.safeParse(input);
  if (!parsed.success) return refused(ShippingSaveError.invalid, { message: parsed.error.issues[0]?.message });
  const { bands, ...fields } = parsed.data;
  return refusingDuplicates(
    () =>
      db.$transaction(async (tx): Promise<ShippingSaveResult> => {
        if (!(await tx.shippingZone.count({ where: { id: zoneId } }))) return refused(ShippingSaveError.notFound);
        const before = id ? await tx.shippingRate.findFirst({ where: { id, zoneId }, select: rateSelect }) : null;
        if (id && !before) return refused(ShippingSaveError.notFound);
        const position = id ? undefined : await tx.shippingRate.count({ where: { zoneId } });
        const rateId = id
          ? (await tx.shippingRate.update({ where: { id }, data: fields, select: { id: true } })).id
          : (await tx.shippingRate.create({ data: { ...fields, zoneId, position }, select: { id: true } })).id;
        await tx.shippingRateBand.deleteMany({ where: { rateId } });
        await tx.shippingRateBand.createMany({ data: bands.map((band) => ({ ...band, rateId })) });
        await appendAudit(tx, {
          actor: actorOf(viewer),
          action: id ? "shipping.rate_updated" : "shipping.rate_created",
          target: { type: "shipping_rate", id: rateId },
          ...(before ? { before: { ...before } } : {}),
          after: { zoneId, ...fields, bands },
          outcome: "success",
          context,
        });
        return { ok: true, id: rateId };
      }),
    refused(ShippingSaveError.nameTaken),
  );
}

/** Deletes a rate, audited ("shipping.rate_deleted"); orders placed with it keep its name and amount. */
export async function deleteShippingRate(viewer: StaffViewer, id: string, context: AuditContext): Promise<ShippingSaveResult> {
  assertPermission(viewer, "shipping:manage");
  return db.$transaction(async (tx) => {
    const before = await tx.shippingRate.findUnique({ where: { id }, select: rateSelect });
    if (!before) return refused(ShippingSaveError.notFound);
    await tx.shippingRate.delete({ where: { id } });
    await appendAudit(tx, { actor: actorOf(viewer), action: "shipping.rate_deleted", target: { type: "shipping_rate", id }, before: { ...before }, outcome: "success", context });
    return { ok: true as const, id };
  });
}
