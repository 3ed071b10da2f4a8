import "server-only";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { run, startProcess, waitForHttp } from "./processes";

const sources = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "generated" || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/** Builds the production bundle into `distDir` unless an up-to-date build is already there. */
export async function ensureProductionBuild(distDir: string, log: (line: string) => void): Promise<void> {
  const buildId = join(distDir, "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources.map(newestChange))) {
    log(`Using the existing production build in ${distDir}.`);
    return;
  }
  log(`Building the shop (production build into ${distDir}) ...`);
  const code = await run("next", ["build"], { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}

/** Serves a built `distDir` through the shop's HTTP server (lib/cli/http-server.ts) and waits until it answers. */
export async function startNextServer(options: {
  distDir: string;
  port: number;
  env: Record<string, string | undefined>;
}): Promise<ChildProcess> {
  const server = startProcess("tsx", ["lib/cli/http-server.ts", String(options.port)], {
    ...options.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: options.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
  });
  await waitForHttp(`http://127.0.0.1:${options.port}/api/health`);
  return server;
}
