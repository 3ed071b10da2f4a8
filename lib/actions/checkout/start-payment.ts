import "server-only";
import { startGuestPayment } from "@/lib/dal/orders/guest-checkout";
import { startPayment } from "@/lib/dal/orders/orders";
import { startPaymentByStatusToken } from "@/lib/dal/orders/status-links";
import type { Shopper } from "@/lib/dal/cart/cart";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { type PaymentGateway, PaymentGatewayError } from "@/lib/payments/gateway";
import { paymentGateway } from "@/lib/payment-gateway/payment-gateway";

const paymentUrls = (orderId: string) => ({
  successUrl: `${env.SITE_URL}/checkout/success?order=${orderId}`,
  cancelUrl: `${env.SITE_URL}/account/orders/${orderId}?payment=cancelled`,
});

/** A guest has no order page under /account: the way back from the payment page is the checkout's own page. */
export const guestPaymentUrls = (orderId: string) => ({
  successUrl: `${env.SITE_URL}/checkout/success?order=${orderId}`,
  cancelUrl: `${env.SITE_URL}/checkout/success?order=${orderId}&payment=cancelled`,
});

/**
 * The hosted payment page `start` opens, or null when the order cannot be
 * paid now or the gateway is unavailable (the order keeps its reservation; the
 * shopper can retry until it expires).
 */
async function openPaymentPage(orderId: string | null, start: (gateway: PaymentGateway) => Promise<{ url: string } | null>): Promise<string | null> {
  const gateway = paymentGateway();
  if (!gateway) return null;
  try {
    return (await start(gateway))?.url ?? null;
  } catch (error) {
    if (!(error instanceof PaymentGatewayError)) throw error;
    logger.error({ orderId, err: error }, "the payment gateway could not open a checkout");
    return null;
  }
}

/** Opens the hosted payment page of one of the viewer's orders (see openPaymentPage). */
export function paymentPageFor(viewer: ActiveSession, orderId: string): Promise<string | null> {
  return openPaymentPage(orderId, (gateway) => startPayment(viewer, orderId, gateway, paymentUrls));
}

/** Opens the hosted payment page of one of the guest's own orders (bound to their cart cookie). */
export function guestPaymentPageFor(shopper: Shopper, orderId: string): Promise<string | null> {
  return openPaymentPage(orderId, (gateway) => startGuestPayment(shopper, orderId, gateway, guestPaymentUrls));
}

/** Opens the hosted payment page of the order an order-status token opens (the token is never logged). */
export function statusLinkPaymentPage(token: string): Promise<string | null> {
  return openPaymentPage(null, (gateway) => startPaymentByStatusToken(token, gateway, guestPaymentUrls));
}
