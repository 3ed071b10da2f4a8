import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AuthCard } from "@/components/auth/auth-card";
import { ReauthenticateForm } from "@/components/account/reauthenticate-form";
import { requireSession } from "@/lib/guards/current-session";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { parseSearchParams, searchChoice, searchValue } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Confirm it's you" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const confirmParamsSchema = z.object({ returnTo: searchValue, method: searchChoice(["recovery"]) });

/** Step-up re-authentication: a fresh second factor (or the password when two-factor is off). */
export default async function ConfirmPage({ searchParams }: Props) {
  const params = parseSearchParams(confirmParamsSchema, await searchParams);
  const returnTo = safeRedirectPath(params.returnTo, "/account/security");
  const viewer = await requireSession(`/account/confirm?returnTo=${encodeURIComponent(returnTo)}`);
  const twoFactor = viewer.user.twoFactorEnabled;
  const method = !twoFactor ? "password" : params.method === "recovery" ? "recovery_code" : "totp";
  const other = new URLSearchParams({ returnTo, ...(method === "totp" ? { method: "recovery" } : {}) });
  return (
    <AuthCard title="Confirm it's you">
      <p>
        {twoFactor
          ? "This change needs a fresh code from your authenticator app."
          : "This change needs your password again."}
      </p>
      <ReauthenticateForm method={method} returnTo={returnTo} />
      {twoFactor && (
        <p>
          <Link href={`/account/confirm?${other}`} className="text-brand-700 hover:underline">
            {method === "totp" ? "Use a recovery code instead" : "Use your authenticator app instead"}
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
