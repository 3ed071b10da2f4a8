import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ShippingForm } from "@/components/admin/shipping/shipping-form";
import { deleteShippingRateAction, saveShippingRateAction } from "@/lib/actions/admin/shipping/rate-actions";
import { deleteTaxRateAction, saveTaxRateAction, setPricesIncludeTaxAction } from "@/lib/actions/admin/shipping/tax-actions";
import { deleteShippingZoneAction, saveShippingZoneAction } from "@/lib/actions/admin/shipping/zone-actions";
import { formatMoneyInput } from "@/lib/catalog/money-text";
import { SHOP_CURRENCY } from "@/lib/catalog/shop-currency";
import { getShippingSettingsForStaff } from "@/lib/dal/shipping/staff-shipping";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import type { ShippingRateRule } from "@/lib/payments/pricing";

export const metadata: Metadata = { title: "Shipping and tax" };

const inputClass = "min-h-11 rounded border border-neutral-400 px-3 text-base";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      {children}
    </label>
  );
}

const money = (amountMinor: number | null) => (amountMinor === null ? "" : formatMoneyInput(amountMinor, SHOP_CURRENCY));
const bandsText = (rate: Pick<ShippingRateRule, "bands">) => rate.bands.map((band) => `${band.minGrams}-${band.maxGrams}: ${money(band.amountMinor)}`).join("\n");

function RateFields({ rate }: { rate?: ShippingRateRule }) {
  return (
    <>
      <Field label="Name">
        <input name="name" required maxLength={60} defaultValue={rate?.name} className={inputClass} />
      </Field>
      <Field label="Description">
        <input name="description" maxLength={120} defaultValue={rate?.description} className={inputClass} />
      </Field>
      <Field label="Priced">
        <select name="kind" defaultValue={rate?.kind ?? "flat"} className={inputClass}>
          <option value="flat">Flat</option>
          <option value="free_over">Free over a subtotal</option>
          <option value="weight">By weight band</option>
        </select>
      </Field>
      <Field label={`Price (${SHOP_CURRENCY})`}>
        <input name="amount" inputMode="decimal" defaultValue={rate && rate.kind !== "weight" ? money(rate.amountMinor) : ""} className={`${inputClass} w-28`} />
      </Field>
      <Field label="Free from subtotal">
        <input name="freeFrom" inputMode="decimal" defaultValue={money(rate?.freeFromMinor ?? null)} className={`${inputClass} w-28`} />
      </Field>
      <Field label="Weight bands (grams from-to: price)">
        <textarea name="bands" rows={3} defaultValue={rate ? bandsText(rate) : ""} placeholder="0-1000: 9.95" className="rounded border border-neutral-400 px-3 py-2 font-mono text-sm" />
      </Field>
    </>
  );
}

export default async function AdminShippingPage() {
  const viewer = await requireStaffPermission("shipping:manage", { returnTo: "/admin/shipping" });
  const settings = await getShippingSettingsForStaff(viewer);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Shipping and tax</h1>
      <p className="text-neutral-700">
        Checkout offers the rates of the zone listing the shopper&apos;s country (else the rest-of-the-world zone) and charges that country&apos;s tax
        (a region&apos;s, when it has one) on the goods after any discount plus shipping. Orders already placed keep their amounts. Every change is audited.
      </p>

      <section aria-labelledby="tax-setting-heading" className="flex flex-col gap-2">
        <h2 id="tax-setting-heading" className="text-xl font-semibold">Prices and tax</h2>
        <ShippingForm action={setPricesIncludeTaxAction} submitLabel="Save tax setting" label="Tax setting">
          <Field label="Catalog prices and shipping rates">
            <select name="pricesIncludeTax" defaultValue={settings.pricesIncludeTax ? "yes" : "no"} className={inputClass}>
              <option value="no">exclude tax (tax is added at checkout)</option>
              <option value="yes">include tax (checkout shows the tax they contain)</option>
            </select>
          </Field>
        </ShippingForm>
      </section>

      <section aria-labelledby="zones-heading" className="flex flex-col gap-4">
        <h2 id="zones-heading" className="text-xl font-semibold">Zones and rates</h2>
        {settings.zones.map((zone) => (
          <article key={zone.id} aria-label={`Zone ${zone.name}`} className="flex flex-col gap-3 rounded border border-neutral-300 p-4" data-testid="shipping-zone">
            <h3 className="text-lg font-semibold">
              {zone.name} {zone.restOfWorld && <span className="text-sm font-normal text-neutral-700">(every country no other zone lists)</span>}
            </h3>
            <ShippingForm action={saveShippingZoneAction.bind(null, zone.id)} submitLabel="Save zone" label={`Zone ${zone.name} settings`}>
              <Field label="Name">
                <input name="name" required maxLength={60} defaultValue={zone.name} className={inputClass} />
              </Field>
              <Field label="Countries (two-letter codes)">
                <textarea name="countries" rows={2} cols={40} defaultValue={zone.countries.join(" ")} className="rounded border border-neutral-400 px-3 py-2 font-mono text-sm" />
              </Field>
              <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
                <input type="checkbox" name="restOfWorld" defaultChecked={zone.restOfWorld} className="size-5" />
                Rest of the world
              </label>
            </ShippingForm>
            <ShippingForm action={deleteShippingZoneAction.bind(null, zone.id)} submitLabel="Delete zone" label={`Delete zone ${zone.name}`} />
            <h4 className="font-semibold">Rates</h4>
            {zone.rates.map((rate) => (
              <div key={rate.id} className="flex flex-col gap-2 border-t border-neutral-200 pt-2">
                <ShippingForm action={saveShippingRateAction.bind(null, `${zone.id}:${rate.id}`)} submitLabel="Save rate" label={`Rate ${rate.name} (${zone.name})`}>
                  <RateFields rate={rate} />
                </ShippingForm>
                <ShippingForm action={deleteShippingRateAction.bind(null, rate.id)} submitLabel="Delete rate" label={`Delete rate ${rate.name} (${zone.name})`} />
              </div>
            ))}
            <ShippingForm action={saveShippingRateAction.bind(null, `${zone.id}:new`)} submitLabel="Add rate" label={`New rate (${zone.name})`}>
              <RateFields />
            </ShippingForm>
          </article>
        ))}
        <ShippingForm action={saveShippingZoneAction.bind(null, "new")} submitLabel="Add zone" label="New zone">
          <Field label="Name">
            <input name="name" required maxLength={60} className={inputClass} />
          </Field>
          <Field label="Countries (two-letter codes)">
            <textarea name="countries" rows={2} cols={40} className="rounded border border-neutral-400 px-3 py-2 font-mono text-sm" />
          </Field>
          <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="restOfWorld" className="size-5" />
            Rest of the world
          </label>
        </ShippingForm>
      </section>

      <section aria-labelledby="tax-heading" className="flex flex-col gap-3">
        <h2 id="tax-heading" className="text-xl font-semibold">Tax rates</h2>
        <p className="text-sm text-neutral-700">A country without a rate pays no tax; a region&apos;s rate (matched on the address&apos;s region, in any case) overrides its country&apos;s.</p>
        {settings.taxRates.map((tax) => (
          <TaxRow key={tax.id} tax={tax} />
        ))}
        <ShippingForm action={saveTaxRateAction.bind(null, "new")} submitLabel="Add tax rate" label="New tax rate">
          <TaxFields />
        </ShippingForm>
      </section>
    </div>
  );
}

function TaxFields({ tax }: { tax?: { country: string; region: string; basisPoints: number } }) {
  return (
    <>
      <Field label="Country">
        <input name="country" required maxLength={2} defaultValue={tax?.country} className={`${inputClass} w-20 uppercase`} />
      </Field>
      <Field label="Region (optional)">
        <input name="region" maxLength={100} defaultValue={tax?.region} className={inputClass} />
      </Field>
      <Field label="Rate (%)">
        <input name="percent" inputMode="decimal" required defaultValue={tax ? String(tax.basisPoints / 100) : ""} className={`${inputClass} w-24`} />
      </Field>
    </>
  );
}

function TaxRow({ tax }: { tax: { id: string; country: string; region: string; basisPoints: number } }) {
  const name = `${tax.country}${tax.region ? ` ${tax.region}` : ""}`;
  return (
    <div className="flex flex-wrap items-end gap-3 border-t border-neutral-200 pt-2" data-testid="tax-rate">
      <ShippingForm action={saveTaxRateAction.bind(null, tax.id)} submitLabel="Save" label={`Tax rate ${name}`}>
        <TaxFields tax={tax} />
      </ShippingForm>
      <ShippingForm action={deleteTaxRateAction.bind(null, tax.id)} submitLabel="Delete" label={`Delete tax rate ${name}`} />
    </div>
  );
}
