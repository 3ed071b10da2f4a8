import { rm } from "node:fs/promises";
import { E2E_MAIL_DIR } from "./mailbox";
import { startSmtpReceiver, type SmtpReceiver } from "./smtp-receiver";

/** The SMTP port the app and worker send to during e2e runs. */
export const e2eSmtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);

const globalForReceiver = globalThis as unknown as { e2eSmtpReceiver?: SmtpReceiver };

/** Starts the SMTP receiver the e2e worker delivers to (stopped in global-teardown.ts). */
export default async function globalSetup(): Promise<void> {
  await rm(E2E_MAIL_DIR, { recursive: true, force: true });
  globalForReceiver.e2eSmtpReceiver = await startSmtpReceiver({ port: e2eSmtpPort, dir: E2E_MAIL_DIR });
}

/** Stops the receiver started by globalSetup. */
export async function stopReceiver(): Promise<void> {
  await globalForReceiver.e2eSmtpReceiver?.stop();
  globalForReceiver.e2eSmtpReceiver = undefined;
}
