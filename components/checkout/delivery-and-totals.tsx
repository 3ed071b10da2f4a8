"use client";

import { Price } from "@/components/price";
import { formatBasisPoints } from "@/lib/config/formats";
import type { CustomerCheckoutQuoteDTO, CustomerCheckoutSummaryDTO } from "@/lib/dal/orders/checkout";

export const choiceClass = "flex min-h-11 cursor-pointer items-start gap-3 rounded border border-neutral-300 p-3 has-[:checked]:border-brand-700";

type Props = {
  summary: CustomerCheckoutSummaryDTO;
  /** The delivery options and totals of the address chosen (null: the shop does not deliver there). */
  quote: CustomerCheckoutQuoteDTO | null;
  rateId: string;
  onRateChange: (rateId: string) => void;
};

/** The quote of the address chosen: a saved address's own, or a new address's country's. */
export function quoteOf(summary: CustomerCheckoutSummaryDTO, choice: { addressId?: string; country?: string }): CustomerCheckoutQuoteDTO | null {
  const key = choice.addressId ? summary.addressQuotes[choice.addressId] : choice.country ? summary.countryQuotes[choice.country] : undefined;
  return (key && summary.quotes[key]) || null;
}

/**
 * The delivery choice and the order total it leads to, as both checkouts show
 * them: only the rates of the destination's zone, with its tax. Every amount
 * was computed on the server; the order is priced again from the database
 * when it is placed, whatever the form sends (another zone's rate is refused).
 */
export function DeliveryAndTotals({ summary, quote, rateId, onRateChange }: Props) {
  if (!quote || quote.options.length === 0) {
    return (
      <p role="status" className="rounded border border-neutral-300 p-3 font-medium" data-testid="no-delivery">
        We do not deliver to this address{quote ? " for these items" : ""}. Choose another country or address.
      </p>
    );
  }
  const option = quote.options.find((candidate) => candidate.rateId === rateId) ?? quote.options[0];
  return (
    <>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold">Delivery</legend>
        {quote.options.map((candidate) => (
          <label key={candidate.rateId} className={choiceClass}>
            <input
              type="radio"
              name="shippingRateId"
              value={candidate.rateId}
              checked={option?.rateId === candidate.rateId}
              onChange={() => onRateChange(candidate.rateId)}
              className="mt-1 size-5"
            />
            <span className="flex flex-1 flex-wrap justify-between gap-2">
              <span>
                <strong>{candidate.label}</strong>
                {candidate.description ? ` · ${candidate.description}` : ""}
              </span>
              {candidate.shipping.amountMinor === 0 ? "Free" : <Price money={candidate.shipping} />}
            </span>
          </label>
        ))}
      </fieldset>

      {option && (
        <section aria-labelledby="totals-heading" className="flex flex-col gap-2 rounded border border-neutral-200 p-4">
          <h2 id="totals-heading" className="text-lg font-semibold">
            Order total
          </h2>
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
            <dt>Subtotal</dt>
            <dd className="text-right">
              <Price money={summary.subtotal} />
            </dd>
            {summary.discount && summary.discount.amount.amountMinor > 0 && (
              <>
                <dt>Discount ({summary.discount.code})</dt>
                <dd className="text-right" data-testid="order-discount">
                  −<Price money={summary.discount.amount} />
                </dd>
              </>
            )}
            <dt>Shipping ({option.label})</dt>
            <dd className="text-right">
              <Price money={option.shipping} />
            </dd>
            {quote.taxRateBasisPoints > 0 && !quote.taxIncluded && (
              <>
                <dt>Tax ({formatBasisPoints(quote.taxRateBasisPoints)})</dt>
                <dd className="text-right" data-testid="order-tax">
                  <Price money={option.tax} />
                </dd>
              </>
            )}
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold" data-testid="order-total">
              <Price money={option.total} />
            </dd>
            {quote.taxRateBasisPoints > 0 && quote.taxIncluded && (
              <>
                <dt className="text-sm text-neutral-700">Including tax ({formatBasisPoints(quote.taxRateBasisPoints)})</dt>
                <dd className="text-right text-sm text-neutral-700" data-testid="order-tax">
                  <Price money={option.tax} />
                </dd>
              </>
            )}
          </dl>
        </section>
      )}
    </>
  );
}
