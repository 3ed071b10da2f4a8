import { stopReceiver } from "./global-setup";

/** Stops the e2e SMTP receiver. */
export default async function globalTeardown(): Promise<void> {
  await stopReceiver();
}
