import type { Metadata } from "next";
import { z } from "zod";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ReportCompromiseForm } from "@/components/account/report-compromise-form";
import { SecurityActivity } from "@/components/account/security-activity";
import { SessionList } from "@/components/account/session-list";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { requireSession } from "@/lib/guards/current-session";
import { listMySessions } from "@/lib/dal/sessions/my-sessions";
import { listMySecurityActivity } from "@/lib/dal/sessions/security-activity";
import { getTwoFactorStatus } from "@/lib/dal/two-factor/settings";
import { env } from "@/lib/env";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Account security" };

const notices = {
  "recovery-code-used": "You signed in with a recovery code, which cannot be used again. Create a new set below.",
  "staff-two-factor-required": "Staff accounts must use two-factor authentication. Set it up to open the admin.",
} as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const securityParamsSchema = z.object({ notice: searchChoice(["recovery-code-used", "staff-two-factor-required"]) });

export default async function AccountSecurityPage({ searchParams }: Props) {
  const viewer = await requireSession("/account/security");
  const [sessions, twoFactor, activity] = await Promise.all([listMySessions(viewer), getTwoFactorStatus(viewer), listMySecurityActivity(viewer)]);
  const { notice } = parseSearchParams(securityParamsSchema, await searchParams);
  const noticeText = notice ? notices[notice] : null;
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <h1 className="text-2xl font-bold">Account security</h1>
      {noticeText && (
        <p role="status" className="rounded border border-warning-300 bg-warning-50 px-3 py-2">
          {noticeText}
        </p>
      )}
      <section aria-labelledby="two-factor-heading" className="flex flex-col gap-3">
        <h2 id="two-factor-heading" className="text-xl font-semibold">
          Two-factor authentication
        </h2>
        <TwoFactorSection status={twoFactor} />
      </section>
      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Where you are signed in
        </h2>
        <SessionList sessions={sessions} />
      </section>
      <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
        <h2 id="activity-heading" className="text-xl font-semibold">
          Recent activity
        </h2>
        <SecurityActivity activity={activity} />
        <ReportCompromiseForm />
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
