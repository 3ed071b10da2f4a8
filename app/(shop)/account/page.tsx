import type { Metadata } from "next";
import Link from "next/link";
import { ResendVerification } from "@/components/account/resend-verification";
import { requireSession } from "@/lib/guards/current-session";
import { getAccountOverview } from "@/lib/dal/accounts/settings";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireSession("/account");
  const account = await getAccountOverview(viewer);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-medium">Name</dt>
        <dd>{account.name}</dd>
        <dt className="font-medium">Email</dt>
        <dd>
          {account.email} {account.emailVerified ? "(verified)" : "(not verified yet)"}
        </dd>
      </dl>
      {!account.emailVerified && (
        <section aria-labelledby="verify-heading" className="flex flex-col gap-2 rounded border border-warning-300 bg-warning-50 p-4">
          <h2 id="verify-heading" className="font-semibold">
            Verify your email address
          </h2>
          <p>You can browse and fill your cart now; checking out needs a verified address.</p>
          <ResendVerification />
        </section>
      )}
      <ul className="flex flex-col gap-2">
        <li>
          <Link href="/account/addresses" className="text-brand-700 hover:underline">
            Addresses
          </Link>
        </li>
        <li>
          <Link href="/account/security" className="text-brand-700 hover:underline">
            Security: password, email, two-factor and signed-in devices
          </Link>
        </li>
        <li>
          <Link href="/account/privacy" className="text-brand-700 hover:underline">
            Privacy: download your data or delete your account
          </Link>
        </li>
      </ul>
    </div>
  );
}
