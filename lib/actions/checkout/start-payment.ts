import "server-only";
import { startPayment } from "@/lib/dal/orders/orders";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { PaymentGatewayError } from "@/lib/payments/gateway";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";

const paymentUrls = (orderId: string) => ({
  successUrl: `${env.SITE_URL}/checkout/success?order=${orderId}`,
  cancelUrl: `${env.SITE_URL}/account/orders/${orderId}?payment=cancelled`,
});

/**
 * Opens the hosted payment page of one of the viewer's orders. Returns its
 * URL, or null when the order cannot be paid now or the gateway is
 * unavailable (the order keeps its reservation; the customer can retry from
 * the order's page until it expires).
 */
export async function paymentPageFor(viewer: ActiveSession, orderId: string): Promise<string | null> {
  const gateway = paymentGateway();
  if (!gateway) return null;
  try {
    return (await startPayment(viewer, orderId, gateway, paymentUrls))?.url ?? null;
  } catch (error) {
    if (!(error instanceof PaymentGatewayError)) throw error;
    logger.error({ orderId, err: error }, "the payment gateway could not open a checkout");
    return null;
  }
}
