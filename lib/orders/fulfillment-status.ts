/** Where an order's parcel stands (the FulfillmentStatus enum of prisma/schema.prisma; a test keeps them equal). */
export const FULFILLMENT_STATUSES = ["unfulfilled", "packed", "shipped", "delivered", "returned"] as const;

export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

/**
 * The fulfilment state machine, apart from the payment's: a refund never moves
 * the parcel and shipping never moves the money.
 *
 * - unfulfilled → packed, shipped (packing is an optional step)
 * - packed → shipped
 * - shipped → delivered (optional: not every carrier reports it), returned
 * - delivered → returned
 * - returned: final (every shipped unit came back)
 */
const transitions: Readonly<Record<FulfillmentStatus, readonly FulfillmentStatus[]>> = {
  unfulfilled: ["packed", "shipped"],
  packed: ["shipped"],
  shipped: ["delivered", "returned"],
  delivered: ["returned"],
  returned: [],
};

export function canChangeFulfillment(from: FulfillmentStatus, to: FulfillmentStatus): boolean {
  return transitions[from].includes(to);
}

/** A parcel that has left the shop: returns may be asked for, and the customer sees its tracking. */
export function hasShipped(status: FulfillmentStatus): boolean {
  return status === "shipped" || status === "delivered" || status === "returned";
}
