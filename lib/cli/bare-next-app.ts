import "server-only";
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { run, startProcess, waitForHttp } from "./processes";

/** The bare Next.js app (24 cards, nothing else) that `npm run bench:lighthouse` measures as the framework's ceiling. */
export const BARE_NEXT_DIR = "bench/bare-next";
const nextBin = join("node_modules", "next", "dist", "bin", "next");

/**
 * Builds the bare app with the shop's own `next` into its own folder
 * (bench/bare-next/.next), so it is measured with the framework version the
 * shop ships and never mixes with the shop's build.
 */
export async function buildBareNextApp(log: (line: string) => void): Promise<void> {
  log(`Building the bare Next.js page (${BARE_NEXT_DIR}) ...`);
  const code = await run(process.execPath, [nextBin, "build", BARE_NEXT_DIR], { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" });
  if (code !== 0) throw new Error(`building ${BARE_NEXT_DIR} failed with exit code ${code}`);
}

/** Serves the built bare app with `next start` (Next's own production server) and waits until it answers. */
export async function startBareNextApp(port: number): Promise<ChildProcess> {
  const server = startProcess(process.execPath, [nextBin, "start", BARE_NEXT_DIR, "--port", String(port)], {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await waitForHttp(`http://127.0.0.1:${port}/`);
  return server;
}
