/**
 * The carriers a parcel can ship with, and where customers track it. A
 * carrier without a tracking page ("other") still shows its number, only
 * without a link; the number always travels URL-encoded in the link.
 * Tracking numbers are checked against a carrier-neutral pattern (letters,
 * digits, spaces, hyphens), never trusted: they end up in mails and pages.
 */
export const CARRIERS = {
  ups: { name: "UPS", trackingUrl: "https://www.ups.com/track?tracknum={number}" },
  usps: { name: "USPS", trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}" },
  fedex: { name: "FedEx", trackingUrl: "https://www.fedex.com/fedextrack/?trknbr={number}" },
  dhl: { name: "DHL", trackingUrl: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={number}" },
  dpd: { name: "DPD", trackingUrl: "https://tracking.dpd.de/status/en_US/parcel/{number}" },
  royal_mail: { name: "Royal Mail", trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/{number}" },
  other: { name: "Other carrier", trackingUrl: null },
} as const satisfies Record<string, { name: string; trackingUrl: string | null }>;

export type CarrierId = keyof typeof CARRIERS;

export const CARRIER_IDS = Object.keys(CARRIERS) as [CarrierId, ...CarrierId[]];

/** 4–40 characters: letters, digits, spaces and hyphens, starting and ending with a letter or digit. */
export const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 -]{2,38})[A-Za-z0-9]$/;

export function isCarrierId(value: string): value is CarrierId {
  return Object.hasOwn(CARRIERS, value);
}

/** The carrier's name; a code this build does not know (stored by a newer one) reads as "Other carrier". */
export function carrierName(carrier: string): string {
  return isCarrierId(carrier) ? CARRIERS[carrier].name : CARRIERS.other.name;
}

/** The carrier's tracking page for `trackingNumber`, or null when the carrier has none. */
export function trackingUrl(carrier: string, trackingNumber: string): string | null {
  const pattern = isCarrierId(carrier) ? CARRIERS[carrier].trackingUrl : null;
  return pattern ? pattern.replace("{number}", encodeURIComponent(trackingNumber)) : null;
}
