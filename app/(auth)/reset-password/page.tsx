import type { Metadata } from "next";
import { z } from "zod";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { resetPasswordAction } from "@/lib/actions/reset-password";
import { findPasswordResetAccount } from "@/lib/dal/accounts/password-reset";
import { env } from "@/lib/env";
import { parseSearchParams, searchValue } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const tokenParamsSchema = z.object({ token: searchValue });

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = parseSearchParams(tokenParamsSchema, await searchParams);
  const account = token !== undefined ? await findPasswordResetAccount(token) : null;
  if (!account || token === undefined) {
    return (
      <AuthCard title="This link has expired">
        <p>Reset links work once and expire after 30 minutes.</p>
        <p>
          <Link href="/forgot-password" className="text-brand-700 hover:underline">
            Ask for a new link
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <p>After saving, you will be signed out everywhere and can sign in with the new password.</p>
      <SetPasswordForm
        token={token}
        userInputs={[account.email, account.name, env.SHOP_NAME]}
        action={resetPasswordAction}
        label="New password"
        submitText="Set new password"
      />
    </AuthCard>
  );
}
