import "server-only";
import { existsSync } from "node:fs";
import { run } from "./processes";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Playwright cannot download its own browser without internet access, so the
 * suite uses Debian's Chromium, installing it with apt when missing and the
 * process may (root on a Debian-like system).
 */
export async function ensureChromium(log: (line: string) => void): Promise<string | null> {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    log(`Chromium is missing at ${CHROMIUM_PATH}; install it (apt-get install chromium) to run the browser tests.`);
    return null;
  }
  log("Installing Chromium from the distribution's packages ...");
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if ((await run("apt-get", ["update", "-qq"], env)) !== 0) return null;
  if ((await run("apt-get", ["install", "-y", "-qq", "chromium"], env)) !== 0) return null;
  return existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : null;
}
