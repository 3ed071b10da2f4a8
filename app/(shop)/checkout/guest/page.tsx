import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckoutItems } from "@/components/checkout/checkout-items";
import { CartProblems, CheckoutNotice, EmptyCart, PaymentsUnavailable } from "@/components/checkout/checkout-notices";
import { GuestCheckoutForm } from "@/components/checkout/guest-checkout-form";
import { countryOptions } from "@/lib/addresses/countries";
import { currentShopper } from "@/lib/guards/current-shopper";
import { getGuestCheckoutSummary } from "@/lib/dal/orders/guest-checkout";
import { botChallengeRequiredHere } from "@/lib/guards/bot-challenge";
import { gatewayMode } from "@/lib/payments/config";

export const metadata: Metadata = { title: "Check out as guest" };

const Notice = ({ children }: { children: React.ReactNode }) => <CheckoutNotice title="Check out as guest">{children}</CheckoutNotice>;

/** Checkout without an account, from the guest cart. A signed-in shopper checks out from their account instead. */
export default async function GuestCheckoutPage() {
  const shopper = await currentShopper();
  if (shopper.session) redirect("/checkout");
  if (gatewayMode() === "none") return <Notice><PaymentsUnavailable /></Notice>;
  const summary = await getGuestCheckoutSummary(shopper);
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
        <h1 className="text-2xl font-bold">Check out as guest</h1>
        <p>
          Have an account?{" "}
          <Link href="/sign-in?callbackUrl=%2Fcheckout" className="text-brand-700 underline">
            Sign in to check out
          </Link>
          . Guest orders join your account once you sign up with the same email and confirm it.
        </p>
        {summary.ready ? (
          <GuestCheckoutForm summary={summary} countries={countryOptions} challengeRequired={await botChallengeRequiredHere()} />
        ) : (
          <CartProblems />
        )}
      </div>
      <CheckoutItems summary={summary} />
    </div>
  );
}
