import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?">
      <p>Enter the email address of your account and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
