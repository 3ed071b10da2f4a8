import builtIn from "./node-end-of-life.json";

/**
 * Whether a Node.js runtime still receives security fixes. The end-of-life
 * dates are a table kept in the code (node-end-of-life.json, refreshed from the
 * Node.js release schedule by `npm run deps:check -- --write-node-schedule`),
 * so start-up and the self-check never need the network.
 */
export type EndOfLifeTable = Readonly<Record<string, string>>;

export const builtInEndOfLife: EndOfLifeTable = builtIn.endOfLife;
export const NODE_SCHEDULE_URL = builtIn.source;

/** How long before its end of life a runtime is reported as ending soon. */
const ENDING_SOON_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export type NodeSupport = {
  major: number;
  /** YYYY-MM-DD, or null when the table does not know this major version. */
  endOfLife: string | null;
  status: "supported" | "ending-soon" | "end-of-life" | "unknown";
  /** Whole days until the end of life (negative once past it). */
  daysLeft: number | null;
};

export function nodeSupport(version: string, now: Date, table: EndOfLifeTable = builtInEndOfLife): NodeSupport {
  const major = Number.parseInt(version.replace(/^v/, ""), 10);
  const endOfLife = table[String(major)] ?? null;
  if (!endOfLife) return { major, endOfLife: null, status: "unknown", daysLeft: null };
  // The schedule's date is the last supported day; support ends when it is over (UTC).
  const end = Date.parse(`${endOfLife}T00:00:00Z`) + DAY_MS;
  const daysLeft = Math.floor((end - now.getTime()) / DAY_MS);
  const status = end <= now.getTime() ? "end-of-life" : daysLeft <= ENDING_SOON_DAYS ? "ending-soon" : "supported";
  return { major, endOfLife, status, daysLeft };
}

/** One line for a log, the dashboard or a report, or null while the runtime is comfortably supported. */
export function nodeSupportNotice(support: NodeSupport): string | null {
  if (support.status === "end-of-life") {
    return `Node.js ${support.major} reached its end of life on ${support.endOfLife} and gets no security fixes: upgrade to a supported LTS release.`;
  }
  if (support.status === "ending-soon") {
    return `Node.js ${support.major} reaches its end of life on ${support.endOfLife} (${support.daysLeft} days): plan the upgrade to the next LTS release.`;
  }
  return null;
}

/** The release schedule's JSON ({"v24": {"end": "2028-04-30", …}, …}) as major → end-of-life date. */
export function parseReleaseSchedule(json: unknown): EndOfLifeTable {
  if (typeof json !== "object" || json === null) throw new Error("the release schedule is not a JSON object");
  const table: Record<string, string> = {};
  for (const [name, release] of Object.entries(json)) {
    const major = /^v(\d+)$/.exec(name)?.[1];
    const end = (release as { end?: unknown } | null)?.end;
    if (major && typeof end === "string" && /^\d{4}-\d{2}-\d{2}$/.test(end)) table[major] = end;
  }
  if (Object.keys(table).length === 0) throw new Error("the release schedule names no releases");
  return table;
}
