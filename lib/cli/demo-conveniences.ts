import "server-only";
import type { Env } from "@/lib/env";

/** Settings only `npm run demo` adds to its processes' environment. */
export type DemoConveniences = { DEV_MAILBOX?: "true"; PAYMENTS_TEST_GATEWAY?: "true" };

/**
 * The conveniences a local demo turns on for itself: the dev mailbox when no
 * SMTP server is configured, the offline test gateway when no Stripe key is.
 * Neither on an https site (a real deployment): the mailbox would publish
 * sign-in links and the gateway would take free orders. `npm start` never
 * calls this; there both must be set explicitly.
 */
export function demoConveniences(config: Pick<Env, "SITE_URL" | "SMTP_URL" | "STRIPE_SECRET_KEY">): DemoConveniences {
  if (config.SITE_URL.startsWith("https://")) return {};
  return {
    ...(config.SMTP_URL ? {} : { DEV_MAILBOX: "true" }),
    ...(config.STRIPE_SECRET_KEY ? {} : { PAYMENTS_TEST_GATEWAY: "true" }),
  };
}
