import "server-only";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/transport";
import { staffInvitation } from "@/lib/mail/templates";
import { issueAccountToken } from "@/lib/dal/accounts/internal/tokens";
import { setupLink } from "./accounts";

/**
 * Sends a staff invitation, run by the worker. The set-up token is issued here,
 * just before sending (as reset links are), so the raw token lives only in the
 * mail: the job names the invitee and the inviter, nothing more. A retry issues
 * a fresh token and retires the previous one. Nothing is sent once the account
 * has been set up or deactivated.
 */
export async function sendStaffInvitation(request: { userId: string; invitedById: string }): Promise<void> {
  const invitee = await db.user.findFirst({
    where: { id: request.userId, kind: "staff", emailVerifiedAt: null, deactivatedAt: null },
    select: { email: true, name: true, staffRole: true },
  });
  if (!invitee?.staffRole) return;
  const inviter = await db.user.findUnique({ where: { id: request.invitedById }, select: { name: true } });
  const token = await db.$transaction((tx) =>
    issueAccountToken(tx, { userId: request.userId, purpose: "staff_setup", email: invitee.email }),
  );
  await sendMail({
    to: invitee.email,
    ...staffInvitation({
      name: invitee.name,
      role: ROLE_LABELS[invitee.staffRole],
      link: setupLink(token),
      invitedBy: inviter?.name ?? "An owner",
    }),
  });
}
