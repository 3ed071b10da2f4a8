import "server-only";
import { type MailContent, renderMail } from "./layout";

/**
 * Tells the customer the shop's app was signed out because a sign-in token
 * was used twice (refresh-token or code reuse): a copy of the app's
 * credentials may be in someone else's hands.
 */
export function appTokenReplayed({ name, securityLink }: { name: string; securityLink: string }): MailContent {
  return renderMail({
    subject: "The shop app was signed out for your safety",
    name,
    action: { label: "Review your signed-in devices", url: securityLink },
    paragraphs: [
      "An old sign-in token of the shop's app on one of your devices was used again. That can mean a copy of it is in someone else's hands, so we signed that app out.",
      "Sign in to the app again to keep using it.",
    ],
    notMe: "If you did not restore a backup or reinstall the app just now, change your password and sign out of all devices from your account's security page.",
  });
}
