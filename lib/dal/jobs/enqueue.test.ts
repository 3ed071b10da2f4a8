import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, enqueueJobNow } from "@/lib/dal/jobs/enqueue";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { JOB_SCHEMA, queues } from "@/lib/queue/boss";
import { jobSender, stopJobSender } from "@/lib/queue/sender";

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: requireTestDatabaseUrl() }) });
const run = `vitest-enqueue-${randomUUID()}`;
// Far in the future, so a worker running against the same database never takes these jobs.
const later = { startAfter: 24 * 3600 };

type Client = Pick<PrismaClient, "$queryRawUnsafe">;
async function jobsWith(client: Client, marker: string): Promise<number> {
  const rows = await client.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE data->>'marker' = $1`,
    marker,
  );
  return rows[0]?.count ?? 0;
}

beforeAll(async () => {
  await jobSender(); // installs the schema and queues outside the transactions under test
});
afterAll(async () => {
  await prisma.$executeRawUnsafe(`DELETE FROM ${JOB_SCHEMA}.job WHERE data->>'run' = $1`, run);
  await prisma.$disconnect();
  await stopJobSender();
});

describe("enqueueJob", () => {
  it("creates the job with the transaction: invisible to others until it commits", async () => {
    const marker = randomUUID();
    let insideOthers = -1;
    let insideTx = -1;
    await prisma.$transaction(async (tx) => {
      const id = await enqueueJob(tx, queues.mail, { run, marker }, later);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      insideTx = await jobsWith(tx, marker);
      insideOthers = await jobsWith(prisma, marker);
    });
    expect(insideTx).toBe(1);
    expect(insideOthers).toBe(0);
    expect(await jobsWith(prisma, marker)).toBe(1);
  });

  it("leaves no job when the transaction throws", async () => {
    const marker = randomUUID();
    let insideTx = -1;
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueJob(tx, queues.account, { run, marker, kind: "test" }, later);
        insideTx = await jobsWith(tx, marker);
        throw new Error("the security event failed");
      }),
    ).rejects.toThrow("the security event failed");
    expect(insideTx).toBe(1); // it was really sent, inside the transaction that rolled back
    expect(await jobsWith(prisma, marker)).toBe(0);
  });

  it("stores the queue's retry settings and dead-letter queue on the job", async () => {
    const marker = randomUUID();
    await prisma.$transaction((tx) => enqueueJob(tx, queues.mail, { run, marker }, later));
    const rows = await prisma.$queryRawUnsafe<{ retry_limit: number; retry_delay: number; retry_backoff: boolean; dead_letter: string }[]>(
      `SELECT retry_limit, retry_delay, retry_backoff, dead_letter FROM ${JOB_SCHEMA}.job WHERE data->>'marker' = $1`,
      marker,
    );
    expect(rows[0]).toEqual({ retry_limit: 8, retry_delay: 30, retry_backoff: true, dead_letter: "mail-dead-letter" });
  });
});

describe("enqueueJobNow", () => {
  it("creates the job at once, without a transaction", async () => {
    const marker = randomUUID();
    await enqueueJobNow(queues.mail, { run, marker }, later);
    expect(await jobsWith(prisma, marker)).toBe(1);
  });
});
