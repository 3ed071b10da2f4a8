// Headers for every response, pages and static files alike (next.config.js).
// The Content-Security-Policy is per request and set in proxy.ts instead.
// Plain JavaScript because next.config.js loads it before any TypeScript tooling.

/** @param {{ production: boolean }} options */
export function staticSecurityHeaders({ production }) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(self), usb=(), interest-cohort=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
  ];
  // Browsers ignore HSTS over plain HTTP, so sending it from production builds is safe locally.
  if (production) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

/** Pages whose URL carries a secret link token: never leak it in a Referer (OWASP forgot-password). */
export const tokenPages = ["/reset-password", "/verify-email", "/staff/setup", "/orders/status/:token"];
