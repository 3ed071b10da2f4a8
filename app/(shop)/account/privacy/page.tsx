import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { requireSession } from "@/lib/guards/current-session";
import { isRecentlyAuthenticated } from "@/lib/auth/step-up";

export const metadata: Metadata = { title: "Your data and privacy" };

const page = "/account/privacy";

export default async function AccountPrivacyPage() {
  const viewer = await requireSession(page);
  // Without a recent factor the download would be redirected to the confirmation
  // page by the route; linking there directly keeps the browser out of a
  // half-download and says why.
  const downloadHref = isRecentlyAuthenticated(viewer)
    ? `${page}/export`
    : `/account/confirm?returnTo=${encodeURIComponent(page)}`;
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <h1 className="text-2xl font-bold">Your data and privacy</h1>
      <section aria-labelledby="download-heading" className="flex flex-col gap-3">
        <h2 id="download-heading" className="text-xl font-semibold">
          Download your data
        </h2>
        <p>
          Get a copy of everything we hold about you as a JSON file: your profile, saved addresses, orders, signed-in
          devices and the security events of your account. Passwords, codes and other secrets are never included. You
          may be asked to confirm it&apos;s you first.
        </p>
        <p>
          {/* A plain link, not next/link: prefetching would run the export in the background. */}
          <a href={downloadHref} className="text-brand-700 hover:underline">
            Download my data
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading" className="flex flex-col gap-3">
        <h2 id="delete-heading" className="text-xl font-semibold">
          Delete your account
        </h2>
        <p>
          This cannot be undone. You are signed out everywhere; your name, email address, phone number, saved
          addresses, two-factor settings and devices are erased; the record of security events is kept without where
          they came from. Orders are kept for accounting, with their delivery address made unreadable. Your email
          address can be used for a new account straight away.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
