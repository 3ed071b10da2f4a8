import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";

export const metadata: Metadata = { title: "Confirm your email address" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Opening the link changes nothing; the button does (a POST), so link scanners cannot confirm for you. */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  return (
    <AuthCard title="Confirm your email address">
      {typeof token === "string" ? (
        <ConfirmEmailForm token={token} />
      ) : (
        <p role="alert">This link is incomplete. Open the link from the email again.</p>
      )}
    </AuthCard>
  );
}
