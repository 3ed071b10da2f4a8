import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/transport";
import {
  accountCompromiseReported,
  emailChangeNotice,
  emailChangeVerify,
  passwordReset,
  signUpAttemptOnExistingAccount,
  verifyEmail,
} from "@/lib/mail/templates";
import { issueAccountToken, tokenLifetimesMs } from "@/lib/dal/accounts/internal/tokens";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";

/**
 * Mail that carries a secret link, sent by the worker. The token is issued
 * here, just before sending, so the raw token lives only in the mail: never in
 * the job queue or the database. Links are built from SITE_URL, never from a
 * request's Host header.
 */
const link = (path: string, token: string) => `${env.SITE_URL}${path}?token=${encodeURIComponent(token)}`;

export async function sendVerificationLink(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return;
  const token = await db.$transaction((tx) =>
    issueAccountToken(tx, { userId, purpose: "verify_email", email: user.email }),
  );
  await sendMail({ to: user.email, ...verifyEmail({ name: user.name, link: link("/verify-email", token) }) });
}

export async function sendSignUpAttemptNotice(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!user) return;
  await sendMail({
    to: user.email,
    ...signUpAttemptOnExistingAccount({
      name: user.name,
      signInLink: `${env.SITE_URL}/sign-in`,
      resetLink: `${env.SITE_URL}/forgot-password`,
    }),
  });
}

export async function sendPasswordResetLink(request: { email: string; ip: string; userAgent: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { email: request.email }, select: { id: true, name: true } });
  if (!user) return; // Nothing to send, and nothing the requester can observe.
  const token = await db.$transaction(async (tx) => {
    await recordSecurityEvent(tx, {
      type: "password_reset_requested",
      userId: user.id,
      context: { ip: request.ip, userAgent: request.userAgent },
    });
    return issueAccountToken(tx, { userId: user.id, purpose: "reset_password", email: request.email });
  });
  await sendMail({
    to: request.email,
    ...passwordReset({
      name: user.name,
      link: link("/reset-password", token),
      expiresInMinutes: tokenLifetimesMs.reset_password / 60_000,
    }),
  });
}

export async function sendEmailChangeLinks(request: { userId: string; newEmail: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { id: request.userId }, select: { email: true, name: true } });
  if (!user) return;
  const token = await db.$transaction((tx) =>
    issueAccountToken(tx, { userId: request.userId, purpose: "verify_email", email: request.newEmail }),
  );
  await sendMail({ to: request.newEmail, ...emailChangeVerify({ name: user.name, link: link("/verify-email", token) }) });
  await sendMail({ to: user.email, ...emailChangeNotice({ name: user.name, newEmail: request.newEmail }) });
}

/** After "This wasn't me": the reset link that is now the only way back in (the password is refused until then). */
export async function sendCompromiseReportMail(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordResetRequiredAt: true } });
  // Reset already done (or the account is gone): a new link would only be noise.
  if (!user?.passwordResetRequiredAt) return;
  const token = await db.$transaction((tx) => issueAccountToken(tx, { userId, purpose: "reset_password", email: user.email }));
  await sendMail({
    to: user.email,
    ...accountCompromiseReported({
      name: user.name,
      link: link("/reset-password", token),
      expiresInMinutes: tokenLifetimesMs.reset_password / 60_000,
    }),
  });
}
