import "server-only";
import { fromPrisma, type SendOptions } from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { QueueName } from "@/lib/queue/boss";
import { jobSender } from "@/lib/queue/sender";

/** pg-boss send options a caller may set (the connection is ours to choose). */
export type EnqueueOptions = Omit<SendOptions, "db">;

function requireId(id: string | null, queue: QueueName): string {
  // pg-boss answers null only when a singleton/throttle rule dropped the job; a
  // caller that did not ask for that must hear about it: mail never vanishes silently.
  if (!id) throw new Error(`The ${queue} job was not queued.`);
  return id;
}

/**
 * Queues a job INSIDE the caller's Prisma interactive transaction: the job
 * exists if and only if the transaction commits, so a security event and the
 * mail telling the user about it are atomic. Returns the job id.
 */
export async function enqueueJob(
  tx: Prisma.TransactionClient,
  queue: QueueName,
  data: object,
  options: EnqueueOptions = {},
): Promise<string> {
  const boss = await jobSender();
  // fromPrisma is pg-boss's adapter: executeSql(text, values) =>
  // tx.$queryRawUnsafe(text, ...values) → { rows }. The text is pg-boss's own
  // fixed INSERT statement and the job travels only as bound parameters, so the
  // "unsafe" (unparameterised-text) variant carries no user input into SQL.
  const id = await boss.send(queue, data, { ...options, db: fromPrisma(tx) });
  return requireId(id, queue);
}

/** Queues a job on its own, outside any transaction (when no database change goes with it). */
export async function enqueueJobNow(queue: QueueName, data: object, options: EnqueueOptions = {}): Promise<string> {
  const boss = await jobSender();
  return requireId(await boss.send(queue, data, options), queue);
}
