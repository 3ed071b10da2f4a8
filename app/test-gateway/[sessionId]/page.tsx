import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TestGatewayForm } from "@/components/checkout/test-gateway-form";
import { Price } from "@/components/price";
import { getTestCheckout } from "@/lib/dal/payments/test-gateway";
import { gatewayMode } from "@/lib/payments/config";

export const metadata: Metadata = { title: "Test payment", robots: { index: false } };

type Props = { params: Promise<{ sessionId: string }> };

/**
 * The offline test gateway's hosted payment page (what Stripe Checkout is
 * with real keys). It asks for no card data at all: the shopper picks an
 * outcome and the gateway reports it to the shop through signed webhooks.
 */
export default async function TestGatewayPage({ params }: Props) {
  if (gatewayMode() !== "test") notFound();
  const { sessionId } = await params;
  const checkout = /^cs_test_[A-Za-z0-9]{10,60}$/.test(sessionId) ? await getTestCheckout(sessionId) : null;
  if (!checkout) notFound();
  const money = (amountMinor: number) => ({ amountMinor, currency: checkout.currency });
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-5">
      <p role="note" className="rounded border-2 border-dashed border-warning-500 bg-warning-50 px-4 py-3 font-semibold text-warning-950">
        TEST PAYMENT PAGE. No real money moves and no card details are asked for. With real Stripe keys configured, this page
        is Stripe&apos;s hosted checkout instead.
      </p>
      <h1 className="text-2xl font-bold">Pay for order {checkout.orderNumber}</h1>
      <ul className="flex flex-col gap-1">
        {checkout.lines.map((line) => (
          <li key={line.name} className="flex justify-between gap-3">
            <span>
              {line.quantity} × {line.name}
            </span>
            <Price money={money(line.unitAmountMinor * line.quantity)} />
          </li>
        ))}
      </ul>
      {checkout.discount && (
        <p className="flex justify-between gap-3" data-testid="gateway-discount">
          <span>{checkout.discount.name}</span>
          <span>
            −<Price money={money(checkout.discount.amountMinor)} />
          </span>
        </p>
      )}
      <p className="flex justify-between border-t border-neutral-300 pt-2 text-lg font-semibold">
        <span>Total</span>
        <Price money={money(checkout.amountTotal)} />
      </p>
      {checkout.open ? (
        <TestGatewayForm sessionId={checkout.id} />
      ) : (
        <p role="status">
          This checkout is closed.{" "}
          <Link href={checkout.cancelUrl} className="text-brand-700 underline">
            Back to the shop
          </Link>
        </p>
      )}
    </div>
  );
}
