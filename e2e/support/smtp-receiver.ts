import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as the receiver stores it (one JSON file per message). */
export type ReceivedMail = { to: string[]; subject: string; text: string; html: string; date: string };

/** A running receiver; `stop()` closes it. */
export type SmtpReceiver = { port: number; stop(): Promise<void> };

/** Parses one message and writes it into `dir`; `recipients` is the envelope's RCPT TO list. */
async function saveMail(stream: Readable, recipients: { address: string }[], dir: string): Promise<void> {
  const parsed = await simpleParser(stream);
  const mail: ReceivedMail = {
    // The envelope, not the To header: it is who the message was really sent to.
    to: recipients.map((recipient) => recipient.address.toLowerCase()),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    date: new Date().toISOString(),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${Date.now()}-${randomUUID()}.json`), JSON.stringify(mail, null, 2));
}

/**
 * A local SMTP server for tests: accepts every message without auth or TLS
 * (loopback only) and writes it as JSON into `dir`. Port 0 picks a free port.
 */
export function startSmtpReceiver({ port, dir }: { port: number; dir: string }): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    hideSTARTTLS: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    // smtp-server waits for the callback, not a promise: settle it either way the save ends.
    onData(stream, session, callback) {
      saveMail(stream, session.envelope.rcptTo, dir).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({ port: actualPort, stop: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}
