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
  /** The mark beside the name in the header (an SVG in public/; square). The browser icon is app/icon.svg. */
  logo: "/logo.svg",
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
  /**
   * Design tokens. Components name only these palettes (brand, neutral,
   * danger, success, warning) and shades; `npm run theme:css` writes them to
   * app/theme.css as Tailwind theme variables, and a test checks that text
   * stays readable on its backgrounds (WCAG AA contrast).
   */
  theme: {
    /** The self-hosted font (app/fonts.ts sets --font-brand), then system fallbacks. */
    fontSans: ["var(--font-brand)", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
    colors: {
      brand: { 50: "#eff6ff", 100: "#dbeafe", 700: "#1d4ed8", 800: "#1e3a8a", 900: "#172554" },
      neutral: {
        50: "#f8fafc",
        100: "#f1f5f9",
        200: "#e2e8f0",
        300: "#cbd5e1",
        400: "#94a3b8",
        500: "#64748b",
        700: "#334155",
        800: "#1e293b",
        900: "#0f172a",
      },
      danger: { 50: "#fef2f2", 200: "#fecaca", 300: "#fca5a5", 400: "#f87171", 700: "#b91c1c", 800: "#991b1b", 900: "#7f1d1d" },
      success: { 50: "#f0fdf4", 100: "#dcfce7", 300: "#86efac", 800: "#166534", 900: "#14532d" },
      warning: { 50: "#fffbeb", 100: "#fef3c7", 300: "#fcd34d", 400: "#fbbf24", 500: "#f59e0b", 900: "#78350f", 950: "#451a03" },
    },
  },
  /** What the shipping and returns page promises; keep in step with RETURN_WINDOW_DAYS. */
  policies: {
    dispatchDays: "1–2 working days",
  },
} as const;

export type ShopConfig = typeof shopConfig;
