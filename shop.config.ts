/**
 * The shop's identity in one place: the first file a fork edits. Everything
 * the storefront, the admin and mail say about who runs the shop, which
 * currency it sells in and how it writes dates and numbers comes from here;
 * a test (lib/config/shop-config.test.ts) keeps currency codes and locale
 * tags out of the rest of the code.
 *
 * SHOP_NAME and SHOP_CONTACT_EMAIL may still override the name and the
 * contact address per deployment (lib/env.ts); everything else is code,
 * reviewed and versioned with the fork.
 */
export const shopConfig = {
  name: "Northwind Goods",
  /** The default meta description and the home page's introduction. */
  description: "Everyday goods, delivered. A secure open-source storefront.",
  /** ISO 4217; amounts are integers in its minor unit, with its own exponent (JPY 0, USD 2, KWD 3). */
  currency: "USD",
  /** BCP 47 tag for numbers, money and dates; the pages' `lang` is its language. */
  locale: "en-US",
  /** Dates and times are shown in this zone, whatever the server's clock says. */
  timeZone: "UTC",
  contact: {
    email: "support@northwind-goods.example",
    phone: "+1 555 0100",
    hours: "Monday to Friday, 9:00 to 17:00 Eastern Time",
  },
  /** Who runs the shop, as the imprint, the privacy notice and the terms name them. */
  legal: {
    entity: "Northwind Goods LLC",
    address: ["100 Example Avenue", "Springfield, IL 62701", "United States"],
    registration: "Registered in Illinois, file no. 0000000",
    taxId: "EIN 00-0000000",
    representative: "Jordan Example, managing member",
    privacyEmail: "privacy@northwind-goods.example",
  },
  /** What the shipping and returns page promises; keep in step with RETURN_WINDOW_DAYS. */
  policies: {
    dispatchDays: "1–2 working days",
  },
} as const;

export type ShopConfig = typeof shopConfig;
