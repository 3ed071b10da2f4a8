/**
 * `npm run deps:check [-- --write-node-schedule]`: outdated and deprecated
 * packages and the Node.js runtime's end of life (lib/supply-chain). Sources
 * that cannot be reached are reported "unavailable". With
 * --write-node-schedule, a newer release schedule replaces the built-in
 * end-of-life table (lib/self-check/node-end-of-life.json) that start-up and
 * the self-check use. Exit code 0 (a report, not a gate); 2 on bad usage.
 */
import { execFile, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { NODE_SCHEDULE_URL } from "@/lib/self-check/node-support";
import { dependencyReport, formatDependencyReport, type Installed, scheduleDiffers } from "@/lib/supply-chain/dependency-report";

const TABLE_FILE = "lib/self-check/node-end-of-life.json";
const TIMEOUT_MS = 8000;

const { values: args } = parseArgs({ options: { "write-node-schedule": { type: "boolean", default: false } } });

function installedDirectDependencies(): Installed[] {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies?: object; devDependencies?: object };
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version?: string }> };
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
  return names.flatMap((name) => {
    const version = lock.packages[`node_modules/${name}`]?.version;
    return version ? [{ name, version }] : [];
  });
}

function npmOutdatedJson(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("npm", ["outdated", "--json"], { timeout: 60_000, maxBuffer: 10_000_000 }, (error, stdout, stderr) => {
      // npm outdated exits 1 when something is outdated: its JSON is the answer then, too.
      if (stdout.trim().startsWith("{")) resolve(stdout);
      else reject(new Error(stderr.trim() || error?.message || "npm outdated printed nothing"));
    });
  });
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

const registry = execFileSync("npm", ["config", "get", "registry"], { encoding: "utf8" }).trim() || "https://registry.npmjs.org/";
const report = await dependencyReport(installedDirectDependencies(), { outdatedJson: npmOutdatedJson, fetchJson, registry }, process.versions.node, new Date());
for (const line of formatDependencyReport(report)) console.log(line);

const schedule = report.node.schedule;
if (!("unavailable" in schedule) && scheduleDiffers(schedule)) {
  if (args["write-node-schedule"]) {
    writeFileSync(TABLE_FILE, `${JSON.stringify({ source: NODE_SCHEDULE_URL, endOfLife: schedule }, null, 2)}\n`);
    console.log(`Updated ${TABLE_FILE} from the release schedule.`);
  } else {
    console.log(`The release schedule differs from ${TABLE_FILE}: run npm run deps:check -- --write-node-schedule and commit it.`);
  }
}
