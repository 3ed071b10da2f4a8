/**
 * The carriers a parcel can ship with, and where their tracking pages are.
 * Tracking numbers are checked against a carrier-neutral pattern (letters,
 * digits, a few separators), never trusted: they end up in mails and pages.
 */
export const CARRIERS = {
  ups: { name: "UPS", trackingUrl: "https://www.ups.com/track?tracknum=" },
  usps: { name: "USPS", trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=" },
  fedex: { name: "FedEx", trackingUrl: "https://www.fedex.com/fedextrack/?trknbr=" },
  dhl: { name: "DHL", trackingUrl: "https://www.dhl.com/global-en/home/tracking.html?tracking-id=" },
  dpd: { name: "DPD", trackingUrl: "https://tracking.dpd.de/status/en_US/parcel/" },
  royal_mail: { name: "Royal Mail", trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/" },
  other: { name: "Other carrier", trackingUrl: null },
} as const satisfies Record<string, { name: string; trackingUrl: string | null }>;

export type CarrierCode = keyof typeof CARRIERS;

export const CARRIER_CODES = Object.keys(CARRIERS) as [CarrierCode, ...CarrierCode[]];

/** 4–40 characters: letters, digits, spaces and hyphens, starting and ending with a letter or digit. */
export const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 -]{2,38})[A-Za-z0-9]$/;

export function isCarrierCode(value: string): value is CarrierCode {
  return Object.hasOwn(CARRIERS, value);
}

export function carrierName(code: string): string {
  return isCarrierCode(code) ? CARRIERS[code].name : "Other carrier";
}

/** The carrier's tracking page for a number, or null when the carrier has none (the number is URL-encoded). */
export function trackingUrl(code: string, trackingNumber: string): string | null {
  if (!isCarrierCode(code)) return null;
  const base = CARRIERS[code].trackingUrl;
  return base ? `${base}${encodeURIComponent(trackingNumber)}` : null;
}
