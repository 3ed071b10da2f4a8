import "server-only";
import { maskEmail } from "@/lib/mail/mask";
import { type MailContent, renderMail } from "./layout";

/** Sent to the NEW address: the change happens only when this link is followed. */
export function emailChangeVerify({ name, link }: { name: string; link: string }): MailContent {
  return renderMail({
    subject: "Confirm your new email address",
    name,
    paragraphs: ["Someone asked to use this address for their account. Confirm it to finish the change."],
    action: { label: "Confirm your new email address", url: link },
    notMe: "If you did not ask for this, ignore this mail: the address is not added to any account unless it is confirmed.",
  });
}

/** Sent to the OLD address when a change is requested; the new address is masked. */
export function emailChangeNotice({ name, newEmail }: { name: string; newEmail: string }): MailContent {
  return renderMail({
    subject: "Your email address is being changed",
    name,
    paragraphs: [
      `Someone asked to change the email address of your account to ${maskEmail(newEmail)}. ` +
        "The change happens once the new address is confirmed.",
    ],
    notMe:
      "If this was not you, sign in and change your password now, then check your account's email address. " +
      "If you cannot get in, contact our support.",
  });
}

/** Confirms that the account's email address changed (sent to the old address). */
export function emailChanged({ name }: { name: string }): MailContent {
  return renderMail({
    subject: "Your email address was changed",
    name,
    paragraphs: ["The email address of your account was changed. Mail about your account now goes to the new address."],
    notMe: "If you did not do this, contact our support right away: we can restore your address and secure your account.",
  });
}
