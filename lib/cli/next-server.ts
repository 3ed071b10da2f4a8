import "server-only";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { run, startProcess, waitForHttp } from "./processes";
import { runtimeNodeArgs } from "./runtime-entries";

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

/**
 * Builds the production bundle into `distDir` unless an up-to-date build is
 * already there, then the runtime bundles (dist/: the HTTP server, the worker,
 * the commands), which take about a second and so are always rebuilt.
 */
export async function ensureProductionBuild(distDir: string, log: (line: string) => void): Promise<void> {
  const buildId = join(distDir, "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources.map(newestChange))) {
    log(`Using the existing production build in ${distDir}.`);
  } else {
    log(`Building the shop (production build into ${distDir}) ...`);
    const code = await run("next", ["build"], { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" });
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  }
  // Through npm, not imported: the bundler is a development dependency, and this module is part of `npm start`.
  const code = await run("npm", ["run", "--silent", "build:runtime"]);
  if (code !== 0) throw new Error(`the runtime build failed with exit code ${code}`);
}

/** Serves a built `distDir` through the shop's built HTTP server (dist/http-server.js) and waits until it answers. */
export async function startNextServer(options: {
  distDir: string;
  port: number;
  env: Record<string, string | undefined>;
}): Promise<ChildProcess> {
  const server = startProcess(process.execPath, runtimeNodeArgs("http-server", [String(options.port)]), {
    ...options.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: options.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
  });
  await waitForHttp(`http://127.0.0.1:${options.port}/api/health`);
  return server;
}
