import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { can } from "@/lib/auth/permissions";
import { orderFixtures } from "@/lib/dal/orders/test-fixtures";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { deleteShippingRate, deleteShippingZone, getShippingSettingsForStaff, saveShippingRate, saveShippingZone } from "./staff-shipping";
import { deleteTaxRate, saveTaxRate, setPricesIncludeTax } from "./staff-tax";

requireTestDatabaseUrl();

// Countries no other suite ships to (French Southern Territories, Heard Island, Bouvet Island, Antarctica).
const { staffMember } = orderFixtures();
const context = { ip: "192.0.2.62", userAgent: "vitest shipping", requestId: null };
const zones: string[] = [];
const taxes: string[] = [];
afterAll(async () => {
  await db.shippingZone.deleteMany({ where: { id: { in: zones } } });
  await db.taxRate.deleteMany({ where: { id: { in: taxes } } });
});

const suffix = Math.random().toString(36).slice(2, 8);
const flat = { name: "Courier", description: "", kind: "flat" as const, amountMinor: 700, freeFromMinor: null, bands: [] };

async function zone(countries: string[], name = `Zone ${countries.join(" ")} ${suffix}`) {
  const owner = await staffMember("owner");
  const result = await saveShippingZone(owner, null, { name, countries, restOfWorld: false }, context);
  if (!result.ok) throw new Error(result.code);
  zones.push(result.id);
  return { owner, id: result.id };
}

describe("staff managing shipping zones, rates and taxes", () => {
  it("is for owners and administrators only (shipping:manage)", async () => {
    expect((["owner", "admin"] as const).every((role) => can(role, "shipping:manage"))).toBe(true);
    expect((["catalog_manager", "fulfilment", "support", "auditor"] as const).some((role) => can(role, "shipping:manage"))).toBe(false);
    const manager = await staffMember("catalog_manager");
    await expect(saveShippingZone(manager, null, { name: `Nope ${suffix}`, countries: ["AQ"], restOfWorld: false }, context)).rejects.toThrow(PermissionDeniedError);
    await expect(getShippingSettingsForStaff(await staffMember("auditor"))).rejects.toThrow(PermissionDeniedError);
    expect(await db.shippingZone.count({ where: { name: `Nope ${suffix}` } })).toBe(0);
  });

  it("saves a zone with its countries, audited, and refuses a country of another zone, changing nothing", async () => {
    const { owner, id } = await zone(["TF"]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { targetId: id, action: "shipping.zone_created" } });
    expect(audit).toMatchObject({ actorId: owner.userId, actorRole: "owner" });

    const twice = await saveShippingZone(owner, null, { name: `Second ${suffix}`, countries: ["HM", "TF"], restOfWorld: false }, context);
    expect(twice).toEqual({ ok: false, code: "country_taken", countries: ["TF"] });
    expect(await db.shippingZone.count({ where: { name: `Second ${suffix}` } })).toBe(0);
    expect(await db.shippingZoneCountry.findUnique({ where: { country: "HM" } })).toBeNull();

    // An edit keeps its own countries; an unknown code is refused.
    expect(await saveShippingZone(owner, id, { name: `Zone TF ${suffix}`, countries: ["TF", "HM"], restOfWorld: false }, context)).toEqual({ ok: true, id });
    expect((await saveShippingZone(owner, id, { name: `Zone TF ${suffix}`, countries: ["XX"], restOfWorld: false }, context)).ok).toBe(false);
    expect((await db.shippingZoneCountry.findMany({ where: { zoneId: id }, orderBy: { country: "asc" } })).map((row) => row.country)).toEqual(["HM", "TF"]);
  });

  it("refuses a second rest-of-the-world zone", async () => {
    const owner = await staffMember("admin");
    const existing = await db.shippingZone.findFirst({ where: { restOfWorld: true }, select: { id: true } });
    if (!existing) {
      const first = await saveShippingZone(owner, null, { name: `World ${suffix}`, countries: [], restOfWorld: true }, context);
      if (first.ok) zones.push(first.id);
    }
    expect(await saveShippingZone(owner, null, { name: `World again ${suffix}`, countries: [], restOfWorld: true }, context)).toEqual({ ok: false, code: "rest_of_world_taken" });
  });

  it("refuses negative amounts, a free-over rate without threshold and overlapping weight bands; saves sorted bands, audited", async () => {
    const { owner, id: zoneId } = await zone(["BV"]);
    const refusedWith = async (input: Parameters<typeof saveShippingRate>[3]) => {
      const result = await saveShippingRate(owner, zoneId, null, input, context);
      expect(result.ok).toBe(false);
      return result.ok ? "" : (result.message ?? "");
    };
    expect(await refusedWith({ ...flat, amountMinor: -1 })).toMatch(/negative/);
    expect(await refusedWith({ ...flat, kind: "free_over" })).toMatch(/free/);
    expect(
      await refusedWith({
        ...flat,
        kind: "weight",
        bands: [
          { minGrams: 0, maxGrams: 1000, amountMinor: 500 },
          { minGrams: 900, maxGrams: 2000, amountMinor: 900 },
        ],
      }),
    ).toMatch(/overlap/);
    expect(await refusedWith({ ...flat, kind: "weight", bands: [{ minGrams: 10, maxGrams: 10, amountMinor: 1 }] })).toMatch(/end above/);
    expect(await db.shippingRate.count({ where: { zoneId } })).toBe(0);

    const bands = [
      { minGrams: 1000, maxGrams: 5000, amountMinor: 1500 },
      { minGrams: 0, maxGrams: 1000, amountMinor: 800 },
    ];
    const saved = await saveShippingRate(owner, zoneId, null, { ...flat, name: "Parcel", kind: "weight", amountMinor: 123, bands }, context);
    if (!saved.ok) throw new Error(saved.code);
    const row = await db.shippingRate.findUniqueOrThrow({ where: { id: saved.id }, include: { bands: { orderBy: { minGrams: "asc" } } } });
    expect(row).toMatchObject({ kind: "weight", amountMinor: 0, freeFromMinor: null });
    expect(row.bands.map((band) => [band.minGrams, band.maxGrams, band.amountMinor])).toEqual([
      [0, 1000, 800],
      [1000, 5000, 1500],
    ]);
    expect(await db.auditEntry.count({ where: { targetId: saved.id, action: "shipping.rate_created" } })).toBe(1);

    // A rate id saved under another zone is refused, the rate untouched.
    const other = await zone(["AQ"]);
    expect(await saveShippingRate(owner, other.id, saved.id, { ...flat, name: "Stolen" }, context)).toEqual({ ok: false, code: "not_found" });
    expect((await db.shippingRate.findUniqueOrThrow({ where: { id: saved.id } })).name).toBe("Parcel");

    expect(await deleteShippingRate(owner, saved.id, context)).toEqual({ ok: true, id: saved.id });
    expect(await db.auditEntry.count({ where: { targetId: saved.id, action: "shipping.rate_deleted" } })).toBe(1);
    expect(await deleteShippingZone(owner, other.id, context)).toEqual({ ok: true, id: other.id });
  });

  it("saves tax rates by country and region, refusing negative rates and duplicates; the tax setting is audited", async () => {
    const owner = await staffMember("owner");
    expect((await saveTaxRate(owner, null, { country: "TF", region: "", basisPoints: -5 }, context)).ok).toBe(false);
    expect((await saveTaxRate(owner, null, { country: "TF", region: "", basisPoints: 10_001 }, context)).ok).toBe(false);
    const country = await saveTaxRate(owner, null, { country: "TF", region: "", basisPoints: 1000 }, context);
    const region = await saveTaxRate(owner, null, { country: "TF", region: "Kerguelen", basisPoints: 500 }, context);
    if (!country.ok || !region.ok) throw new Error("tax rate not saved");
    taxes.push(country.id, region.id);
    expect(await saveTaxRate(owner, null, { country: "tf", region: "", basisPoints: 2000 }, context)).toMatchObject({ ok: false, code: "name_taken" });
    expect(await db.taxRate.count({ where: { country: "TF" } })).toBe(2);
    expect(await db.auditEntry.count({ where: { targetId: country.id, action: "tax.rate_created" } })).toBe(1);
    expect(await deleteTaxRate(owner, region.id, context)).toEqual({ ok: true, id: region.id });

    const before = (await db.shopSetting.findUnique({ where: { id: 1 } }))?.pricesIncludeTax ?? false;
    const since = new Date();
    await setPricesIncludeTax(owner, !before, context);
    await setPricesIncludeTax(owner, before, context);
    await setPricesIncludeTax(owner, before, context); // no change: no entry
    expect(await db.auditEntry.count({ where: { action: "tax.prices_include_tax_changed", actorId: owner.userId, createdAt: { gte: since } } })).toBe(2);
  });
});
