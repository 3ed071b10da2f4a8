import { z } from "zod";

/**
 * The parts of Stripe's events the shop reads, validated after the signature
 * check (a signed event is authentic, but the shop still refuses a shape it
 * does not understand rather than guess). Unknown fields are dropped.
 */
const id = z.string().min(1).max(255);
const currency = z.string().regex(/^[a-z]{3}$/i);
const minor = z.number().int().min(0).max(100_000_000_000);
/** An ISO 3166-1 alpha-2 country; anything else is dropped rather than refused (the field only feeds the fraud score). */
const country = z.string().regex(/^[A-Za-z]{2}$/).catch("").transform((value) => value.toUpperCase() || null);
const expandable = z.union([id, z.object({ id })]).nullable().optional();

export const checkoutSessionSchema = z.object({
  object: z.literal("checkout.session"),
  id,
  client_reference_id: id.nullable().optional(),
  metadata: z.record(z.string(), z.string().max(500)).nullable().optional(),
  amount_total: minor.nullable(),
  currency: currency.nullable(),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  payment_intent: expandable,
});

export const chargeSchema = z.object({
  object: z.literal("charge"),
  id,
  payment_intent: expandable,
  amount_captured: minor,
  amount_refunded: minor,
  currency,
  payment_method_details: z
    .object({
      card: z
        .object({
          brand: z.string().max(20).nullable().optional(),
          last4: z.string().regex(/^\d{4}$/).nullable().optional(),
          /** The issuing country of the card (ISO 3166-1 alpha-2). */
          country: country.nullable().optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  billing_details: z
    .object({ address: z.object({ country: country.nullable().optional() }).nullable().optional() })
    .nullable()
    .optional(),
  outcome: z.object({ risk_level: z.string().max(20).nullable().optional() }).nullable().optional(),
  refunds: z
    .object({ data: z.array(z.object({ id, amount: minor, status: z.string().max(40).nullable().optional() })) })
    .nullable()
    .optional(),
});

export const CHECKOUT_SESSION_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
] as const;

export const CHARGE_EVENTS = ["charge.succeeded", "charge.refunded"] as const;

const base = { id: z.string().regex(/^evt_[A-Za-z0-9_]{1,250}$/), created: z.number().int().positive(), livemode: z.boolean() };

export const paymentEventSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.enum(CHECKOUT_SESSION_EVENTS), data: z.object({ object: checkoutSessionSchema }) }),
  z.object({ ...base, type: z.enum(CHARGE_EVENTS), data: z.object({ object: chargeSchema }) }),
]);

export type PaymentEvent = z.infer<typeof paymentEventSchema>;
export type CheckoutSessionEvent = Extract<PaymentEvent, { type: (typeof CHECKOUT_SESSION_EVENTS)[number] }>;
export type ChargeEvent = Extract<PaymentEvent, { type: (typeof CHARGE_EVENTS)[number] }>;

export const HANDLED_EVENT_TYPES: readonly string[] = [...CHECKOUT_SESSION_EVENTS, ...CHARGE_EVENTS];

/** An expandable Stripe reference (an id, or the object itself) as its id. */
export function referenceId(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
