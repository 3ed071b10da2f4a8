import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { env } from "@/lib/env";
import { botChallengeRequiredHere } from "@/lib/guards/bot-challenge";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  return (
    <AuthCard title="Create an account">
      <SignUpForm shopName={env.SHOP_NAME} challengeRequired={await botChallengeRequiredHere()} />
      <p>
        Already have an account?{" "}
        <Link href="/sign-in" className="text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
