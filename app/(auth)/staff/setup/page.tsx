import type { Metadata } from "next";
import { z } from "zod";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { staffSetupAction } from "@/lib/actions/admin/staff-setup";
import { findStaffSetup } from "@/lib/dal/staff/accounts";
import { env } from "@/lib/env";
import { parseSearchParams, searchValue } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Set up your staff account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const tokenParamsSchema = z.object({ token: searchValue });

export default async function StaffSetupPage({ searchParams }: Props) {
  const { token } = parseSearchParams(tokenParamsSchema, await searchParams);
  const account = token !== undefined ? await findStaffSetup(token) : null;
  if (!account || token === undefined) {
    return (
      <AuthCard title="This link has expired">
        <p>Set-up links work once and expire after 72 hours. Ask an owner of the shop for a new invitation.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set up your staff account">
      <p>
        Choose a password for {account.email}. At your first sign-in you will set up two-factor authentication: the admin
        requires it.
      </p>
      <SetPasswordForm
        token={token}
        userInputs={[account.email, account.name, env.SHOP_NAME]}
        action={staffSetupAction}
        label="Password"
        submitText="Set password"
      />
    </AuthCard>
  );
}
