import "server-only";
import { formatMoney } from "@/lib/catalog/money";
import { oneLine } from "./escape";
import { type MailContent, renderMail } from "./layout";

/** To every owner when an insider-threat rule fires. */
export function securityAlertMail({ name, message, dashboardLink }: { name: string; message: string; dashboardLink: string }): MailContent {
  return renderMail({
    subject: "Security alert in the shop admin",
    name,
    paragraphs: [oneLine(message, 500), "Review it on the admin dashboard and in the audit log."],
    action: { label: "Open the admin dashboard", url: dashboardLink },
    notMe: "You receive this because you are an owner of the shop.",
    reason: "You receive this mail because you are an owner of the shop.",
  });
}

/** A staff invitation (or a first owner's set-up link): set a password, then enrol two-factor sign-in. */
export function staffInvitation({ name, role, link, invitedBy }: { name: string; role: string; link: string; invitedBy: string }): MailContent {
  return renderMail({
    subject: "You are invited to the shop admin",
    name,
    paragraphs: [
      `${oneLine(invitedBy, 100)} invited you to the shop's staff admin as ${oneLine(role, 60)}.`,
      "Set your password with the link below (it works once and expires in 72 hours). At your first sign-in you will set up two-factor authentication.",
    ],
    action: { label: "Set your password", url: link },
    notMe: "If you did not expect this invitation, ignore this mail: no account is usable until the link is used.",
    reason: "You receive this mail because a member of the shop's staff invited this address.",
  });
}

/**
 * To staff who asked to hear about new orders: number, total, item count and
 * the admin link only. No customer name, address or email: staff mailboxes
 * are not where customer data goes.
 */
export function newOrderStaffMail({
  name,
  number,
  totalMinor,
  currency,
  itemCount,
  adminLink,
}: {
  name: string;
  number: string;
  totalMinor: number;
  currency: string;
  itemCount: number;
  adminLink: string;
}): MailContent {
  const items = itemCount === 1 ? "1 item" : `${itemCount} items`;
  return renderMail({
    subject: `New order ${number}`,
    name,
    paragraphs: [`Order ${number} was just paid: ${items}, ${formatMoney({ amountMinor: totalMinor, currency })} in total.`],
    action: { label: "Open the order in the admin", url: adminLink },
    notMe: "To stop these mails, switch off new-order notifications on the admin's Notifications page.",
    reason: "You receive this mail because you switched on new-order notifications in the shop admin.",
  });
}
