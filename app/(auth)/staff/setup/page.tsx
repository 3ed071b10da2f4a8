import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { staffSetupAction } from "@/lib/actions/admin/staff-setup";
import { findStaffSetup } from "@/lib/dal/staff/accounts";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Set up your staff account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffSetupPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const account = typeof token === "string" ? await findStaffSetup(token) : null;
  if (!account || typeof token !== "string") {
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
