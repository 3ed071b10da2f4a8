import type { Metadata } from "next";
import { z } from "zod";
import { AuthCard } from "@/components/auth/auth-card";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Check your email" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const checkEmailParamsSchema = z.object({ for: searchChoice(["password-reset"]) });

/** The same page whether or not an account exists for the address (no enumeration). */
export default async function CheckEmailPage({ searchParams }: Props) {
  const reset = parseSearchParams(checkEmailParamsSchema, await searchParams).for === "password-reset";
  return (
    <AuthCard title="Check your email">
      <p role="status">
        {reset
          ? "If an account exists for that address, we sent it a link to choose a new password. The link works once and expires in 30 minutes."
          : "We sent a message to the address you entered. Follow the link in it to finish setting up your account."}
      </p>
      <p className="text-neutral-700">Nothing arrived after a few minutes? Check your spam folder, then try again.</p>
    </AuthCard>
  );
}
