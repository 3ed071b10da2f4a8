import type { ReactNode } from "react";

export type PostalAddressLines = {
  recipientName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone?: string | null;
};

/** A postal address as people write it: name, street lines, town with region and postal code, country. */
export function PostalAddress({ address, countryName, badge }: { address: PostalAddressLines; countryName?: string; badge?: ReactNode }) {
  const lines = [
    address.line1,
    address.line2,
    `${address.city}${address.region ? `, ${address.region}` : ""} ${address.postalCode}`,
    countryName ?? address.country,
    address.phone ?? null,
  ].filter((line): line is string => !!line);
  return (
    <address className="not-italic">
      <strong>{address.recipientName}</strong>
      {badge}
      {lines.map((line, index) => (
        <span key={index} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
