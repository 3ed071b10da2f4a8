import type { Metadata } from "next";
import Link from "next/link";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { CheckoutItems } from "@/components/checkout/checkout-items";
import { CartProblems, CheckoutNotice, EmptyCart, PaymentsUnavailable } from "@/components/checkout/checkout-notices";
import { countryOptions } from "@/lib/addresses/countries";
import { requireSession } from "@/lib/guards/current-session";
import { botChallengeRequiredHere } from "@/lib/guards/bot-challenge";
import { getCheckoutSummary } from "@/lib/dal/orders/checkout";
import { gatewayMode } from "@/lib/payments/config";

export const metadata: Metadata = { title: "Checkout" };

const Notice = ({ children }: { children: React.ReactNode }) => <CheckoutNotice title="Checkout">{children}</CheckoutNotice>;

export default async function CheckoutPage() {
  const viewer = await requireSession("/checkout");
  if (viewer.audience !== "customer") return <Notice><p>Staff accounts cannot place orders. Sign in with a customer account to shop.</p></Notice>;
  if (!viewer.user.emailVerified) {
    return (
      <Notice>
        <p>
          Confirm your email address before checking out: we send your order confirmation there. Find the link in your inbox, or{" "}
          <Link href="/account" className="text-brand-700 underline">
            send a new one from your account
          </Link>
          .
        </p>
      </Notice>
    );
  }
  if (gatewayMode() === "none") return <Notice><PaymentsUnavailable /></Notice>;
  const summary = await getCheckoutSummary(viewer);
  if (!summary) {
    return (
      <Notice>
        <EmptyCart />
      </Notice>
    );
  }
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">Checkout</h1>
        {summary.ready ? (
          <CheckoutForm summary={summary} countries={countryOptions} challengeRequired={await botChallengeRequiredHere(viewer.userId)} />
        ) : (
          <CartProblems />
        )}
      </div>
      <CheckoutItems summary={summary} />
    </div>
  );
}
