/**
 * The carriers a shipment can name, and where customers track a parcel. A
 * carrier without a tracking page ("other") still shows its number in mail,
 * only without a link. The number always travels URL-encoded in the link.
 */
export const CARRIERS = {
  ups: { label: "UPS", trackingUrl: "https://www.ups.com/track?tracknum={number}" },
  dhl: { label: "DHL", trackingUrl: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={number}" },
  fedex: { label: "FedEx", trackingUrl: "https://www.fedex.com/fedextrack/?trknbr={number}" },
  usps: { label: "USPS", trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}" },
  royal_mail: { label: "Royal Mail", trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/{number}" },
  dpd: { label: "DPD", trackingUrl: "https://tracking.dpd.de/status/en_US/parcel/{number}" },
  other: { label: "Other carrier", trackingUrl: null },
} as const satisfies Record<string, { label: string; trackingUrl: string | null }>;

export type CarrierId = keyof typeof CARRIERS;

export const CARRIER_IDS = Object.keys(CARRIERS) as [CarrierId, ...CarrierId[]];

/** The carrier's tracking page for `trackingNumber`, or null when the carrier has none. */
export function trackingUrl(carrier: CarrierId, trackingNumber: string): string | null {
  const pattern = CARRIERS[carrier].trackingUrl;
  return pattern ? pattern.replace("{number}", encodeURIComponent(trackingNumber)) : null;
}
