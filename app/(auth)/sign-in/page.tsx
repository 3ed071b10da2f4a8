import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { z } from "zod";
import { AUTH_NOTICE_KEYS, AuthNotice } from "@/components/auth/notice";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentSession } from "@/lib/guards/current-session";
import { botChallengeRequiredHere } from "@/lib/guards/bot-challenge";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { parseSearchParams, searchChoice, searchValue } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const signInParamsSchema = z.object({ callbackUrl: searchValue, notice: searchChoice(AUTH_NOTICE_KEYS) });

export default async function SignInPage({ searchParams }: Props) {
  const params = parseSearchParams(signInParamsSchema, await searchParams);
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await getCurrentSession()) redirect(callbackUrl);
  const { notice } = params;
  return (
    <AuthCard title="Sign in">
      <AuthNotice notice={notice} />
      <SignInForm callbackUrl={callbackUrl} challengeRequired={await botChallengeRequiredHere()} />
      <p>
        <Link href="/forgot-password" className="text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <p>
        New here?{" "}
        <Link href="/sign-up" className="text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </AuthCard>
  );
}
