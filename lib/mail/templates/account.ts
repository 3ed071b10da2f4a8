import "server-only";
import { oneLine } from "./escape";
import { assertHttpUrl, type MailContent, renderMail } from "./layout";

/** Confirms a new account's address. */
export function verifyEmail({ name, link }: { name: string; link: string }): MailContent {
  return renderMail({
    subject: "Confirm your email address",
    name,
    paragraphs: ["Thanks for creating an account. Please confirm that this is your email address."],
    action: { label: "Confirm your email address", url: link },
    notMe: "If you did not create an account, you can ignore this mail: nothing happens until the address is confirmed.",
  });
}

/** Sent to an existing account's address when someone tries to sign up with it. */
export function signUpAttemptOnExistingAccount({
  name,
  signInLink,
  resetLink,
}: {
  name: string;
  signInLink: string;
  resetLink: string;
}): MailContent {
  assertHttpUrl(signInLink);
  return renderMail({
    subject: "Someone tried to sign up with your email address",
    name,
    paragraphs: [
      "Someone tried to create a new account with this email address, but you already have one.",
      `If it was you, sign in instead: ${signInLink}`,
    ],
    action: { label: "Forgot your password? Reset it", url: resetLink },
    notMe: "If it was not you, you can ignore this mail: your account has not changed and no new account was created.",
  });
}

/** Tells the user about a sign-in from a device we have not seen on their account. */
export function newDeviceSignIn({
  name,
  when,
  device,
  ip,
  securityLink,
}: {
  name: string;
  when: Date;
  device: string;
  ip: string;
  /** The account's security page, where the user can see and end sessions. */
  securityLink: string;
}): MailContent {
  return renderMail({
    subject: "New sign-in to your account",
    name,
    action: { label: "Review your signed-in devices", url: securityLink },
    paragraphs: [
      "Your account was just signed in to from a new device.",
      `When: ${when.toUTCString()}\nDevice: ${oneLine(device)}\nIP address: ${oneLine(ip, 45)}`,
    ],
    notMe:
      "If this was not you, reset your password now and sign out of all devices from your account's security page. " +
      "If you cannot get in, contact our support.",
  });
}
