import "server-only";
import { enqueueJobNow } from "@/lib/dal/jobs/enqueue";

/** Queues a fresh verification link for an account (the worker issues the token and mails it). */
export async function queueVerificationMail(userId: string): Promise<void> {
  await enqueueJobNow("account", { kind: "send-verification", userId });
}
