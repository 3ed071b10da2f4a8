import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForMail } from "@/e2e/support/mailbox";
import { startSmtpReceiver, type SmtpReceiver } from "@/e2e/support/smtp-receiver";
import { listDevMailbox, readDevMailboxMessage } from "./dev-mailbox";
import { createMailSender } from "./transport";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "mail-transport-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const message = { to: "jane@example.com", subject: "Hello", text: "Open https://shop.example/x?token=t1" };

describe("dev mailbox transport", () => {
  it("writes an .eml and an index entry into an owner-only folder, listed newest first", async () => {
    const dir = path.join(root, "mailbox");
    const sender = createMailSender({ from: "Shop <no-reply@shop.example>", mailboxDir: dir, production: false, devMailbox: false });
    await sender.send(message);
    await sender.send({ ...message, subject: "Second", html: "<p>hi</p>" });

    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const files = await readdir(dir);
    expect(files.filter((file) => file.endsWith(".eml"))).toHaveLength(2);
    const list = await listDevMailbox(dir);
    expect(list.map((entry) => entry.subject)).toEqual(["Second", "Hello"]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(["date", "id", "subject", "to"]);

    const first = await readDevMailboxMessage(list[1]?.id ?? "", dir);
    expect(first?.text).toBe(message.text);
    const eml = await readFile(path.join(dir, `${list[1]?.id}.eml`), "utf8");
    expect(eml).toMatch(/^From: Shop <no-reply@shop\.example>$/m);
    expect(eml).toMatch(/^To: jane@example\.com$/m);
  });

  it("sends replies to the shop's contact address when one is configured", async () => {
    const dir = path.join(root, "reply-to");
    const sender = createMailSender({ from: "Shop <no-reply@shop.example>", replyTo: "help@shop.example", mailboxDir: dir, production: false, devMailbox: false });
    await sender.send(message);
    const [entry] = await listDevMailbox(dir);
    const eml = await readFile(path.join(dir, `${entry?.id}.eml`), "utf8");
    expect(eml).toMatch(/^Reply-To: help@shop\.example$/m);
  });

  it("refuses ids that could reach outside the mailbox", async () => {
    const dir = path.join(root, "mailbox");
    await expect(readDevMailboxMessage("../../etc/passwd", dir)).resolves.toBeNull();
    await expect(readDevMailboxMessage("000000000000001-x", dir)).resolves.toBeNull();
  });

  it("refuses to start in production with neither SMTP nor an enabled dev mailbox", () => {
    expect(() => createMailSender({ from: "x@y.z", mailboxDir: root, production: true, devMailbox: false })).toThrow(
      /SMTP_URL/,
    );
    expect(() => createMailSender({ from: "x@y.z", mailboxDir: root, production: true, devMailbox: true })).not.toThrow();
  });
});

describe("SMTP transport", () => {
  let receiver: SmtpReceiver;
  const dir = () => path.join(root, "smtp");
  beforeAll(async () => {
    receiver = await startSmtpReceiver({ port: 0, dir: dir() });
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it("delivers with MAIL_FROM as the sender, text and HTML", async () => {
    const sender = createMailSender({
      smtpUrl: `smtp://127.0.0.1:${receiver.port}`,
      from: "Shop <no-reply@shop.example>",
      mailboxDir: root,
      production: true,
      devMailbox: false,
    });
    try {
      await sender.send({ ...message, to: "smtp-user@example.com", html: "<p>Hi</p>" });
      const mail = await waitForMail({ to: "smtp-user@example.com", dir: dir(), timeoutMs: 5000 });
      expect(mail.subject).toBe("Hello");
      expect(mail.text.trim()).toBe(message.text);
      expect(mail.html).toContain("<p>Hi</p>");
    } finally {
      sender.close();
    }
  });
});
