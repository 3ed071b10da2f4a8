import type { Metadata } from "next";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { requireSession } from "@/lib/auth/current-session";
import { listMySessions } from "@/lib/dal/my-sessions";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Account security" };

export default async function AccountSecurityPage() {
  const viewer = await requireSession("/account/security");
  const sessions = await listMySessions(viewer);
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <h1 className="text-2xl font-bold">Account security</h1>
      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Where you are signed in
        </h2>
        <SessionList sessions={sessions} />
      </section>
      <section aria-labelledby="password-heading" className="flex flex-col gap-3">
        <h2 id="password-heading" className="text-xl font-semibold">
          Change password
        </h2>
        <ChangePasswordForm userInputs={[viewer.user.email, viewer.user.name, env.SHOP_NAME]} />
      </section>
      <section aria-labelledby="email-heading" className="flex flex-col gap-3">
        <h2 id="email-heading" className="text-xl font-semibold">
          Change email
        </h2>
        <ChangeEmailForm />
      </section>
    </div>
  );
}
