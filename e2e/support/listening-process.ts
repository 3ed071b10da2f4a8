import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The inodes of the sockets listening on `port` (Linux /proc; state 0A is LISTEN). */
function listeningSocketInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue; // no IPv6 table on this machine
    }
    for (const line of text.split("\n").slice(1)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === "0A" && inode && Number.parseInt(local?.split(":")[1] ?? "", 16) === port) inodes.add(inode);
    }
  }
  return inodes;
}

/** The id of the process listening on `port` on this machine, read from /proc, or undefined. */
export function processListeningOn(port: number): number | undefined {
  const inodes = listeningSocketInodes(port);
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of descriptors) {
      try {
        const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (socket && inodes.has(socket)) return Number(pid);
      } catch {
        // closed while we looked
      }
    }
  }
  return undefined;
}

/** A process's command line and the NODE_OPTIONS it was started with. */
export function processLaunch(pid: number): { argv: string[]; nodeOptions: string } {
  const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
  const nodeOptions = environ.find((entry) => entry.startsWith("NODE_OPTIONS="))?.slice("NODE_OPTIONS=".length) ?? "";
  return { argv, nodeOptions };
}
