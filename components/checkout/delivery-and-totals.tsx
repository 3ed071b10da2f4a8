"use client";

import { Price } from "@/components/price";
import type { CustomerCheckoutSummaryDTO } from "@/lib/dal/orders/checkout";

export const choiceClass = "flex min-h-11 cursor-pointer items-start gap-3 rounded border border-neutral-300 p-3 has-[:checked]:border-brand-700";

type Props = { summary: CustomerCheckoutSummaryDTO; method: string; onMethodChange: (method: string) => void };

/**
 * The delivery choice and the order total it leads to, as both checkouts show
 * them. Every amount was computed on the server; the order is priced again
 * from the database when it is placed, whatever the form sends.
 */
export function DeliveryAndTotals({ summary, method, onMethodChange }: Props) {
  const option = summary.options.find((candidate) => candidate.method === method) ?? summary.options[0];
  return (
    <>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold">Delivery</legend>
        {summary.options.map((candidate) => (
          <label key={candidate.method} className={choiceClass}>
            <input
              type="radio"
              name="shippingMethod"
              value={candidate.method}
              checked={method === candidate.method}
              onChange={() => onMethodChange(candidate.method)}
              className="mt-1 size-5"
            />
            <span className="flex flex-1 flex-wrap justify-between gap-2">
              <span>
                <strong>{candidate.label}</strong> · {candidate.description}
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
            {summary.showTax && (
              <>
                <dt>Tax</dt>
                <dd className="text-right">
                  <Price money={option.tax} />
                </dd>
              </>
            )}
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold" data-testid="order-total">
              <Price money={option.total} />
            </dd>
          </dl>
        </section>
      )}
    </>
  );
}
