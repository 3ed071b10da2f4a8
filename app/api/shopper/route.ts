import { shopperSummary } from "@/lib/guards/shopper-summary";

/**
 * The visitor's part of a shared catalog page (components/shopper): sign-in
 * state, cart count, the anti-CSRF token (proxy.ts issues its cookie on this
 * request) and the lockdown notice. Never cached anywhere; other origins cannot
 * read it (no CORS), and nosniff keeps it from loading as a script.
 */
export async function GET() {
  return Response.json(await shopperSummary(), { headers: { "cache-control": "no-store" } });
}
