import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthCard } from "@/components/auth/auth-card";
import { TwoFactorChallengeForm } from "@/components/auth/two-factor-challenge-form";
import { getCookieSession } from "@/lib/guards/current-session";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { parseSearchParams, searchChoice, searchValue } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Two-factor sign-in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const challengeParamsSchema = z.object({ callbackUrl: searchValue, method: searchChoice(["recovery"]) });

/** The second step of sign-in. Reached with a pending session only; a complete one goes straight on. */
export default async function TwoFactorPage({ searchParams }: Props) {
  const params = parseSearchParams(challengeParamsSchema, await searchParams);
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  const session = await getCookieSession();
  if (session && !session.secondFactorPending) redirect(callbackUrl);
  if (!session) redirect("/sign-in?notice=challenge-expired");
  const method = params.method === "recovery" ? "recovery_code" : "totp";
  const other = new URLSearchParams({ callbackUrl, ...(method === "totp" ? { method: "recovery" } : {}) });
  return (
    <AuthCard title="Two-factor sign-in">
      <TwoFactorChallengeForm method={method} callbackUrl={callbackUrl} />
      <p>
        <Link href={`/sign-in/two-factor?${other}`} className="text-brand-700 hover:underline">
          {method === "totp" ? "Use a recovery code instead" : "Use your authenticator app instead"}
        </Link>
      </p>
    </AuthCard>
  );
}
