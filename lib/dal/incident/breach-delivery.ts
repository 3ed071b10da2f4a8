import "server-only";
import { db } from "@/lib/db";
import { encryptedModelCodec } from "@/lib/dal/encrypted-model-codec";
import { UNREADABLE_VALUE } from "@/lib/crypto/readable-field";
import { breachNoticeMail } from "@/lib/mail/templates/breach-notice";
import type { MailMessage } from "@/lib/mail/transport";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { assertPermission } from "@/lib/dal/staff/permission";

const recipientCodec = encryptedModelCodec("BreachNoticeRecipient");

/**
 * Mails one recipient of a breach notice (the worker's `breach-notice` job).
 * Sent once: a recipient already marked sent is skipped (a redelivered job).
 * A failed send is recorded as failed (with the attempt) and thrown, so
 * pg-boss retries it; the address is decrypted only here and never logged.
 */
export async function deliverBreachNotice(recipientId: string, send: (message: MailMessage) => Promise<void>): Promise<"sent" | "skipped"> {
  const row = await db.breachNoticeRecipient.findUnique({
    where: { id: recipientId },
    select: { ...recipientCodec.select, status: true, notice: { select: { subject: true, body: true } } },
  });
  // Gone (the customer's data was erased) or done: nothing to send.
  if (!row || row.status === "sent") return "skipped";
  const { email, name } = recipientCodec.open(row);
  if (!email || email === UNREADABLE_VALUE) {
    await db.breachNoticeRecipient.update({ where: { id: recipientId }, data: { status: "failed", attempts: { increment: 1 } } });
    return "skipped";
  }
  const mail = breachNoticeMail({ subject: row.notice.subject, body: row.notice.body, name: name && name !== UNREADABLE_VALUE ? name : "customer" });
  try {
    await send({ to: email, ...mail });
  } catch (error) {
    await db.breachNoticeRecipient.update({ where: { id: recipientId }, data: { status: "failed", attempts: { increment: 1 } } });
    throw error;
  }
  await db.breachNoticeRecipient.update({ where: { id: recipientId }, data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 } } });
  return "sent";
}

export type StaffBreachNoticeDTO = {
  id: string;
  subject: string;
  cohort: string;
  createdAt: Date;
  reason: string;
  recipients: number;
  pending: number;
  sent: number;
  failed: number;
};

/** The latest breach notices with their delivery counts (security:manage); no recipient is named. */
export async function listBreachNotices(viewer: StaffViewer, take = 10): Promise<StaffBreachNoticeDTO[]> {
  assertPermission(viewer, "security:manage");
  const notices = await db.breachNotice.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, subject: true, cohort: true, createdAt: true, reason: true, recipientCount: true },
  });
  const counts = await db.breachNoticeRecipient.groupBy({ by: ["noticeId", "status"], where: { noticeId: { in: notices.map((notice) => notice.id) } }, _count: { _all: true } });
  const countOf = (noticeId: string, status: string) => counts.find((count) => count.noticeId === noticeId && count.status === status)?._count._all ?? 0;
  return notices.map((notice) => ({
    id: notice.id,
    subject: notice.subject,
    cohort: notice.cohort,
    createdAt: notice.createdAt,
    reason: notice.reason,
    recipients: notice.recipientCount,
    pending: countOf(notice.id, "pending"),
    sent: countOf(notice.id, "sent"),
    failed: countOf(notice.id, "failed"),
  }));
}
