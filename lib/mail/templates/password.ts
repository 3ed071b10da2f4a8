import "server-only";
import { type MailContent, renderMail } from "./layout";

const notMeChanged =
  "If you did not do this, someone else may have your password: reset it now from the sign-in page, " +
  "and contact our support if you cannot get in.";

/** A password-reset link (the token lives in the link; it expires). */
export function passwordReset({
  name,
  link,
  expiresInMinutes,
}: {
  name: string;
  link: string;
  expiresInMinutes: number;
}): MailContent {
  return renderMail({
    subject: "Reset your password",
    name,
    paragraphs: [
      "We received a request to reset the password of your account.",
      `The link works once and expires in ${expiresInMinutes} minutes.`,
    ],
    action: { label: "Choose a new password", url: link },
    notMe: "If you did not ask for this, ignore this mail: your password stays the same. Never forward this link.",
  });
}

/** Confirms a password change made while signed in. */
export function passwordChanged({ name }: { name: string }): MailContent {
  return renderMail({
    subject: "Your password was changed",
    name,
    paragraphs: ["The password of your account was just changed."],
    notMe: notMeChanged,
  });
}

/** Confirms a password reset completed through a reset link. */
export function passwordResetCompleted({ name }: { name: string }): MailContent {
  return renderMail({
    subject: "Your password was reset",
    name,
    paragraphs: ["The password of your account was just reset with a reset link, and your other sessions were signed out."],
    notMe: notMeChanged,
  });
}
