import { builtInEndOfLife, type EndOfLifeTable, NODE_SCHEDULE_URL, nodeSupport, parseReleaseSchedule } from "@/lib/self-check/node-support";

/**
 * `npm run deps:check`'s findings: outdated packages (`npm outdated --json`),
 * installed versions the registry marks deprecated, and the Node.js runtime's
 * end of life from the release schedule. Every source is optional: one that
 * cannot be reached is reported as "unavailable", never as a crash or as "all
 * clear". The sources are passed in, so tests run without the network.
 */
export type Installed = { name: string; version: string };
export type Outdated = { name: string; current: string; wanted: string; latest: string };

export type DependencySources = {
  /** `npm outdated --json`'s output (it exits 1 when something is outdated), or an error. */
  outdatedJson: () => Promise<string>;
  /** GET a registry or schedule URL as JSON; rejects when unreachable. */
  fetchJson: (url: string) => Promise<unknown>;
  registry: string;
};

export type Unavailable = { unavailable: string };
export type DependencyReport = {
  outdated: Outdated[] | Unavailable;
  deprecated: { name: string; version: string; message: string }[] | Unavailable;
  node: { version: string; endOfLife: string | null; status: string; source: "release schedule" | "built-in table"; schedule: EndOfLifeTable | Unavailable };
};

/** One line; fetch's "fetch failed" is explained by its cause (ENOTFOUND, ECONNREFUSED…). */
function reason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error instanceof Error ? error.message : String(error)}${cause}`.split("\n")[0]!.slice(0, 200);
}

export function parseOutdated(json: string): Outdated[] {
  const parsed = JSON.parse(json || "{}") as Record<string, { current?: string; wanted?: string; latest?: string; summary?: string }>;
  // Offline, npm prints {"error": {"summary": …}} instead of packages.
  if (parsed.error) throw new Error(parsed.error.summary ?? "npm outdated failed");
  return Object.entries(parsed)
    .map(([name, entry]) => ({ name, current: entry.current ?? "missing", wanted: entry.wanted ?? "?", latest: entry.latest ?? "?" }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function deprecatedPackages(installed: readonly Installed[], sources: DependencySources): Promise<DependencyReport["deprecated"]> {
  const found: { name: string; version: string; message: string }[] = [];
  try {
    // The registry's manifest of the installed version carries `deprecated` when its author withdrew it.
    for (const { name, version } of installed) {
      const manifest = (await sources.fetchJson(`${sources.registry.replace(/\/$/, "")}/${name.replace("/", "%2F")}/${version}`)) as { deprecated?: unknown };
      if (typeof manifest.deprecated === "string" && manifest.deprecated) found.push({ name, version, message: manifest.deprecated });
    }
    return found;
  } catch (error) {
    return { unavailable: reason(error) };
  }
}

export async function dependencyReport(installed: readonly Installed[], sources: DependencySources, nodeVersion: string, now: Date): Promise<DependencyReport> {
  // .catch after .then: npm's own offline error JSON (parsed without a rejection) is unavailable too.
  const outdated = await sources.outdatedJson().then(parseOutdated).catch((error: unknown) => ({ unavailable: reason(error) }));
  const deprecated = await deprecatedPackages(installed, sources);
  const schedule = await sources.fetchJson(NODE_SCHEDULE_URL).then(parseReleaseSchedule).catch((error: unknown) => ({ unavailable: reason(error) }));
  const online = !("unavailable" in schedule);
  const support = nodeSupport(nodeVersion, now, online ? (schedule as EndOfLifeTable) : builtInEndOfLife);
  return {
    outdated,
    deprecated,
    node: { version: nodeVersion, endOfLife: support.endOfLife, status: support.status, source: online ? "release schedule" : "built-in table", schedule },
  };
}

/** The report as lines for the terminal. */
export function formatDependencyReport(report: DependencyReport): string[] {
  const lines: string[] = [];
  if ("unavailable" in report.outdated) lines.push(`Outdated packages: unavailable (${report.outdated.unavailable})`);
  else {
    lines.push(`Outdated packages: ${report.outdated.length}`);
    for (const entry of report.outdated) lines.push(`  ${entry.name} ${entry.current} (wanted ${entry.wanted}, latest ${entry.latest})`);
  }
  if ("unavailable" in report.deprecated) lines.push(`Deprecated packages: unavailable (${report.deprecated.unavailable})`);
  else {
    lines.push(`Deprecated packages: ${report.deprecated.length}`);
    for (const entry of report.deprecated) lines.push(`  ${entry.name}@${entry.version}: ${entry.message}`);
  }
  const { node } = report;
  const schedule = "unavailable" in node.schedule ? `release schedule unavailable (${node.schedule.unavailable}); built-in table` : "release schedule";
  lines.push(`Node.js ${node.version}: end of life ${node.endOfLife ?? "unknown"} (${node.status}; ${schedule})`);
  return lines;
}

/** Whether the release schedule knows dates the built-in table lacks or has differently. */
export function scheduleDiffers(schedule: EndOfLifeTable, table: EndOfLifeTable = builtInEndOfLife): boolean {
  return Object.entries(schedule).some(([major, end]) => table[major] !== end);
}
