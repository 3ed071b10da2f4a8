/**
 * The shop's information pages, in the order the footer lists them. Their
 * text is filled from shop.config.ts; it is a starting point a shop has
 * reviewed for its own jurisdiction before it opens (docs/forking.md).
 */
export const INFORMATION_PAGES = {
  shipping: { href: "/shipping-and-returns", title: "Shipping and returns" },
  contact: { href: "/contact", title: "Contact" },
  privacy: { href: "/privacy", title: "Privacy notice" },
  terms: { href: "/terms", title: "Terms of sale" },
  imprint: { href: "/imprint", title: "Imprint" },
} as const;
