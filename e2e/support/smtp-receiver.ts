import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as the receiver stores it (one JSON file per message). */
export type ReceivedMail = { to: string[]; subject: string; text: string; html: string; date: string };

/** A running receiver; `stop()` closes it. */
export type SmtpReceiver = { port: number; stop(): Promise<void> };

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
    async onData(stream, session, callback) {
      try {
        const parsed = await simpleParser(stream);
        const mail: ReceivedMail = {
          // The envelope, not the To header: it is who the message was really sent to.
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          date: new Date().toISOString(),
        };
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, `${Date.now()}-${randomUUID()}.json`), JSON.stringify(mail, null, 2));
        callback();
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
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
