import "server-only";
import { type Env, env } from "@/lib/env";

/**
 * Which payment gateway the shop uses:
 * - "stripe" when STRIPE_SECRET_KEY is set (the offline test gateway is then off, whatever else is set);
 * - "test", the offline test gateway, with PAYMENTS_TEST_GATEWAY (`npm run demo` sets it), or
 *   outside production (`next dev`, tests) on a plain-http site;
 * - "none" otherwise: a production shop without Stripe keys takes no orders rather than free ones,
 *   whatever its SITE_URL says.
 */
export type GatewayMode = "stripe" | "test" | "none";

export function gatewayModeFor(
  config: Pick<Env, "NODE_ENV" | "STRIPE_SECRET_KEY" | "SITE_URL" | "PAYMENTS_TEST_GATEWAY">,
): GatewayMode {
  if (config.STRIPE_SECRET_KEY) return "stripe";
  if (config.PAYMENTS_TEST_GATEWAY) return "test";
  // A production build never takes free orders by itself: an http SITE_URL is not proof of a local demo.
  if (config.NODE_ENV !== "production" && !config.SITE_URL.startsWith("https://")) return "test";
  return "none";
}

export const gatewayMode = (): GatewayMode => gatewayModeFor(env);

export const reservationMinutes = env.RESERVATION_MINUTES;

/** The caps on unpaid orders against stock hoarding (see OrderLimits). */
export const orderLimits = {
  openOrdersPerAccount: env.CHECKOUT_MAX_OPEN_ORDERS_PER_ACCOUNT,
  openOrdersPerAddress: env.CHECKOUT_MAX_OPEN_ORDERS_PER_ADDRESS,
  unitsPerProduct: env.CHECKOUT_MAX_UNITS_PER_PRODUCT,
};

/** Where the test gateway delivers events: this shop's own webhook endpoint unless configured. */
export const testGatewayWebhookUrl = env.PAYMENTS_WEBHOOK_URL ?? `${env.SITE_URL}/api/webhooks/stripe`;
