import { z } from "zod";
import { CARRIER_IDS } from "./carriers";

/** Where a return stands, as its customer is told. */
export const RETURN_STAGES = ["requested", "approved", "rejected", "received", "refunded"] as const;

/** A short free-text reason shown to the customer: folded onto one line (staff may type line breaks), no control characters. */
const reason = z
  .string()
  .transform((text) => text.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1).max(500).regex(/^[^\p{Cc}]*$/u, "must be one line"));

/**
 * What a customer is told about their order, beyond the paid-order
 * confirmation. It travels in a job, so it holds facts only: never an email
 * address, a name or a link (the worker resolves those when it sends).
 */
export const orderNoticeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("shipped"),
    carrier: z.enum(CARRIER_IDS),
    // Validated where staff enter it; here only bounded, the template escapes and encodes it.
    trackingNumber: z.string().trim().min(1).max(64),
  }),
  z.object({ kind: z.literal("delivered") }),
  z.object({
    kind: z.literal("refunded"),
    /** This refund's amount in the order's currency (minor units), not the running total. */
    amountMinor: z.number().int().positive().max(100_000_000),
    /** Whether the order is now refunded in full. */
    full: z.boolean(),
  }),
  z.object({ kind: z.literal("cancelled"), reason: reason.optional() }),
  /** A paid order the fraud review held, approved by staff: it goes to packing now. */
  z.object({ kind: z.literal("released") }),
  z.object({
    kind: z.literal("return"),
    stage: z.enum(RETURN_STAGES),
    /** Why a return was rejected (shown to the customer); ignored for other stages. */
    reason: reason.optional(),
    /** The amount refunded for the return, when the stage is "refunded". */
    amountMinor: z.number().int().positive().max(100_000_000).optional(),
  }),
]);

export type OrderNotice = z.infer<typeof orderNoticeSchema>;
export type OrderNoticeInput = z.input<typeof orderNoticeSchema>;
