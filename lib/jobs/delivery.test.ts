import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForMail } from "@/e2e/support/mailbox";
import { startSmtpReceiver, type SmtpReceiver } from "@/e2e/support/smtp-receiver";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { createMailSender, type MailMessage, type MailSender } from "@/lib/mail/transport";
import { handleAccountJob } from "./account-handlers";
import { deadLetterQueue, queues } from "@/lib/queue/boss";
import { createMailJobHandler, jobHandlers } from "./handlers";
import { PermanentJobError } from "./job-types";
import { type JobWorker, startJobWorker } from "./worker-runtime";

const databaseUrl = requireTestDatabaseUrl();
// Its own pg-boss schema: no other worker on this database (an e2e run, another
// test file) can take these jobs, and dropping it afterwards leaves nothing behind.
const schema = `pgboss_vitest_${randomBytes(6).toString("hex")}`;
const from = "Northwind Goods <no-reply@shop.example>";

let dir: string;
const senders: MailSender[] = [];
const receivers: SmtpReceiver[] = [];
let worker: JobWorker | undefined;

function smtpSender(port: number): MailSender {
  const sender = createMailSender({ smtpUrl: `smtp://127.0.0.1:${port}`, from, mailboxDir: dir, production: true, devMailbox: false });
  senders.push(sender);
  return sender;
}

async function receiver(port: number): Promise<SmtpReceiver> {
  const started = await startSmtpReceiver({ port, dir });
  receivers.push(started);
  return started;
}

/** A port nothing listens on: a receiver's, after it stopped. */
async function closedPort(): Promise<number> {
  const probe = await startSmtpReceiver({ port: 0, dir });
  await probe.stop();
  return probe.port;
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const mail = (to: string): MailMessage => ({ to, subject: `Reset your password ${to}`, text: "Open https://shop.example/r?t=1" });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mail-delivery-"));
});
afterAll(async () => {
  await worker?.stop();
  for (const sender of senders) sender.close();
  await Promise.all(receivers.map((started) => started.stop()));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
  await rm(dir, { recursive: true, force: true });
});

describe("mail job handler", () => {
  it("delivers the job's message to the SMTP server", async () => {
    const smtp = await receiver(0);
    await createMailJobHandler(smtpSender(smtp.port).send)(mail("direct@example.com"));
    const received = await waitForMail({ to: "direct@example.com", dir, timeoutMs: 5000 });
    expect(received.subject).toBe("Reset your password direct@example.com");
  });

  it("throws when the SMTP server is down, so pg-boss retries the job", async () => {
    const handler = createMailJobHandler(smtpSender(await closedPort()).send);
    await expect(handler(mail("down@example.com"))).rejects.toThrow(/ECONNREFUSED|connect/i);
  });

  it("rejects malformed data for good, naming fields but not values", async () => {
    const handler = createMailJobHandler(async () => undefined);
    const attempt = handler({ to: "not-an-address", subject: "", text: "secret-token" });
    await expect(attempt).rejects.toBeInstanceOf(PermanentJobError);
    await expect(attempt).rejects.toThrow(/to, subject/);
    await expect(attempt).rejects.not.toThrow(/secret-token|not-an-address/);
  });
});

describe("account job handler", () => {
  it("rejects unknown kinds and jobs without a kind", async () => {
    await expect(handleAccountJob({ kind: "no-such-kind" })).rejects.toThrow(/Unknown account job kind "no-such-kind"/);
    await expect(handleAccountJob({ kind: "constructor" })).rejects.toThrow(/Unknown account job kind/);
    await expect(handleAccountJob({})).rejects.toBeInstanceOf(PermanentJobError);
  });
});

describe("worker", () => {
  it("retries while SMTP is down and delivers once it is back: no mail lost", async () => {
    const port = await closedPort();
    const send = smtpSender(port).send;
    let failures = 0;
    const mailHandler = createMailJobHandler(async (message) => {
      try {
        await send(message);
      } catch (error) {
        failures += 1;
        throw error;
      }
    });
    worker = await startJobWorker({
      connectionString: databaseUrl,
      schema,
      retry: { retryDelay: 1, retryBackoff: false },
      pollingIntervalSeconds: 0.5,
      handlers: { ...jobHandlers, mail: mailHandler },
    });
    const { boss } = worker;
    const since = new Date();
    const id = await boss.send(queues.mail, mail("retry@example.com"));
    expect(id).not.toBeNull();

    await until(() => failures >= 2); // two attempts failed: it is being retried, not dropped
    const [failed] = await boss.findJobs(queues.mail, { id: id ?? "" });
    expect(failed?.state).toMatch(/retry|active|created/);

    await receiver(port);
    const received = await waitForMail({ to: "retry@example.com", dir, since, timeoutMs: 15_000 });
    expect(received.subject).toBe("Reset your password retry@example.com");
    // Delivered mail is deleted from the queue, not kept as "completed" (its body is personal data).
    await until(async () => (await boss.findJobs(queues.mail, { id: id ?? "" })).length === 0);
  });

  it("sends malformed mail jobs straight to the dead-letter queue", async () => {
    const boss = worker?.boss;
    if (!boss) throw new Error("the previous test starts the worker");
    const id = await boss.send(queues.mail, { to: "nobody", marker: "bad-mail" });
    await until(async () => (await boss.findJobs(deadLetterQueue(queues.mail), { data: { marker: "bad-mail" } })).length === 1);
    const [original] = await boss.findJobs(queues.mail, { id: id ?? "" });
    expect(original?.state).toBe("failed");
    expect(original?.retryCount).toBe(0);
  });
});
