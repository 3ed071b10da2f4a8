import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What erasure removes outside the account's own tables, inside the erasing
 * transaction:
 * - every job that names the account, queued or finished (pg-boss keeps
 *   finished jobs for a week and dead letters for 30 days): mail to its
 *   address, account jobs for its id, and the offline test gateway's webhook
 *   deliveries for its orders (they carry the checkout's customer email). A
 *   queued mail to an erased address must not go out afterwards.
 * - the offline test gateway's records of its orders' checkouts (the gateway's
 *   copy of the customer email and line items).
 * Order housekeeping jobs (reservation expiry) name only an order id and stay:
 * the orders themselves are kept, without personal data, for the accounts.
 */
export async function purgeAccountJobsAndGatewayRecords(tx: Prisma.TransactionClient, account: { userId: string; email: string }): Promise<void> {
  const orders = await tx.order.findMany({ where: { userId: account.userId }, select: { id: true } });
  const orderIds = orders.map((order) => order.id);
  const checkouts = await tx.testGatewaySession.findMany({
    where: { orderId: { in: orderIds } },
    select: { id: true, paymentIntentId: true, chargeId: true },
  });
  // A test gateway event names its order (checkout metadata) or its payment (charge, intent).
  const gatewayIds = [...orderIds, ...checkouts.flatMap((checkout) => [checkout.id, checkout.paymentIntentId, checkout.chargeId])];

  await tx.$executeRaw`DELETE FROM pgboss.job WHERE
       (name IN ('mail', 'mail-dead-letter') AND data->>'to' = ${account.email})
    OR (name IN ('account', 'account-dead-letter') AND data->>'userId' = ${account.userId})
    OR (name IN ('payment-events', 'payment-events-dead-letter') AND EXISTS (
         SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(data->'events') = 'array' THEN data->'events' ELSE '[]'::jsonb END) AS event
         WHERE event #>> '{data,object,metadata,orderId}' = ANY(${gatewayIds}::text[])
            OR event #>> '{data,object,id}' = ANY(${gatewayIds}::text[])
            OR event #>> '{data,object,payment_intent}' = ANY(${gatewayIds}::text[])))`;
  await tx.testGatewaySession.deleteMany({ where: { orderId: { in: orderIds } } });
}
