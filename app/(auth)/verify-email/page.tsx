import type { Metadata } from "next";
import { z } from "zod";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { parseSearchParams, searchValue } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Confirm your email address" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const tokenParamsSchema = z.object({ token: searchValue });

/** Opening the link changes nothing; the button does (a POST), so link scanners cannot confirm for you. */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = parseSearchParams(tokenParamsSchema, await searchParams);
  return (
    <AuthCard title="Confirm your email address">
      {token !== undefined ? (
        <ConfirmEmailForm token={token} />
      ) : (
        <p role="alert">This link is incomplete. Open the link from the email again.</p>
      )}
    </AuthCard>
  );
}
