import { TextField } from "@/components/forms/text-field";
import type { AddressFieldName } from "@/lib/addresses/address-schema";

type Props = {
  /** The value to show in a field (what the user typed last, or the saved value). */
  value: (name: AddressFieldName) => string;
  errors: (name: string) => string[] | undefined;
  countries: readonly { code: string; name: string }[];
  /** Told of every change of country (the checkout shows that country's delivery options). */
  onCountryChange?: (country: string) => void;
};

/** The country a new address starts with. */
export const DEFAULT_COUNTRY = "US";

/** The inputs of a postal address (address book and checkout), with autocomplete hints and linked errors. */
export function AddressFields({ value, errors, countries, onCountryChange }: Props) {
  return (
    <>
      <TextField label="Full name" name="recipientName" autoComplete="name" required maxLength={100} defaultValue={value("recipientName")} errors={errors("recipientName")} />
      <TextField label="Street address" name="line1" autoComplete="address-line1" required maxLength={200} defaultValue={value("line1")} errors={errors("line1")} />
      <TextField label="Apartment, suite, etc. (optional)" name="line2" autoComplete="address-line2" maxLength={200} defaultValue={value("line2")} errors={errors("line2")} />
      <TextField label="Town or city" name="city" autoComplete="address-level2" required maxLength={100} defaultValue={value("city")} errors={errors("city")} />
      <TextField label="State, province or region (optional)" name="region" autoComplete="address-level1" maxLength={100} defaultValue={value("region")} errors={errors("region")} />
      <TextField label="Postal code" name="postalCode" autoComplete="postal-code" required maxLength={12} defaultValue={value("postalCode")} errors={errors("postalCode")} />
      <div className="flex flex-col gap-1">
        <label htmlFor="country" className="font-medium">
          Country
        </label>
        <select
          id="country"
          name="country"
          autoComplete="country"
          defaultValue={value("country") || DEFAULT_COUNTRY}
          onChange={onCountryChange && ((event) => onCountryChange(event.target.value))}
          aria-invalid={errors("country") ? true : undefined}
          aria-describedby={errors("country") ? "country-error" : undefined}
          className="min-h-11 rounded border border-neutral-400 px-3 text-base"
        >
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        {errors("country") && (
          <p id="country-error" className="text-sm text-danger-800">
            {errors("country")?.join(" ")}
          </p>
        )}
      </div>
      <TextField label="Phone (optional)" name="phone" type="tel" autoComplete="tel" maxLength={25} defaultValue={value("phone")} errors={errors("phone")} />
    </>
  );
}
