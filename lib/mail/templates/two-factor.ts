import "server-only";
import { type MailContent, renderMail } from "./layout";

const notMe =
  "If this was not you, someone may have your password: reset it from the sign-in page and contact our support.";

/** Two-factor sign-in was turned on. */
export function twoFactorEnabled({ name }: { name: string }): MailContent {
  return renderMail({
    subject: "Two-factor sign-in is on",
    name,
    paragraphs: [
      "Two-factor authentication was turned on for your account. Signing in now needs a code from your authenticator app.",
      "Keep your recovery codes somewhere safe: each one lets you in once if you lose your phone.",
    ],
    notMe,
  });
}

/** Two-factor sign-in was turned off. */
export function twoFactorDisabled({ name }: { name: string }): MailContent {
  return renderMail({
    subject: "Two-factor sign-in was turned off",
    name,
    paragraphs: ["Two-factor authentication was turned off for your account. Signing in now needs only your password."],
    notMe,
  });
}

/** The password was right but the code was not (OWASP MFA: tell the user). */
export function twoFactorFailed({ name, securityLink }: { name: string; securityLink: string }): MailContent {
  return renderMail({
    subject: "Someone entered your password",
    name,
    paragraphs: [
      "Someone signed in with your password just now but did not enter a valid two-factor code.",
      "If that was you, you can ignore this mail. If not, your password is known to someone else: change it now.",
    ],
    action: { label: "Review your account security", url: securityLink },
    notMe: "Two-factor authentication stopped this sign-in. Change your password to keep it that way.",
  });
}

/** A recovery code was used; the rest keep working, but new ones are advised. */
export function recoveryCodeUsed({ name, remaining, securityLink }: { name: string; remaining: number; securityLink: string }): MailContent {
  return renderMail({
    subject: "A recovery code was used",
    name,
    paragraphs: [
      "One of your recovery codes was just used to sign in. It cannot be used again.",
      `You have ${remaining} unused recovery ${remaining === 1 ? "code" : "codes"} left. We recommend creating a new set.`,
    ],
    action: { label: "Create new recovery codes", url: securityLink },
    notMe,
  });
}
