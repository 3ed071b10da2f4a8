import "server-only";
import { env } from "@/lib/env";
import { gatewayMode } from "@/lib/payments/config";
import type { PaymentGateway } from "@/lib/payments/gateway";
import { createStripeClient, createStripeGateway } from "@/lib/payments/stripe-gateway";
import { testGateway } from "./test-gateway";

let stripeGateway: PaymentGateway | undefined;

/** The configured gateway (see gatewayMode), or null when the shop cannot take payments. */
export function paymentGateway(): PaymentGateway | null {
  switch (gatewayMode()) {
    case "stripe":
      stripeGateway ??= createStripeGateway(createStripeClient(env.STRIPE_SECRET_KEY ?? ""));
      return stripeGateway;
    case "test":
      return testGateway;
    case "none":
      return null;
  }
}
