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

/** Sent after the owner pressed "This wasn't me": what was done, and the reset link to get back in. */
export function accountCompromiseReported({
  name,
  link,
  expiresInMinutes,
}: {
  name: string;
  link: string;
  expiresInMinutes: number;
}): MailContent {
  return renderMail({
    subject: "We locked your account: choose a new password",
    name,
    paragraphs: [
      "You told us some activity on your account was not yours. We signed out every device, including yours, " +
        "and your current password no longer works. Our team has been told.",
      `To get back in, choose a new password with the link below. It works once and expires in ${expiresInMinutes} minutes; ` +
        "if it expires, use \"Forgot your password?\" on the sign-in page.",
      "Use a password you have not used anywhere else, and check your email address and two-factor settings once you are in.",
    ],
    action: { label: "Choose a new password", url: link },
    notMe: "If you did not report this, your account is still safe: setting a new password is all it takes. Never forward this link.",
  });
}
