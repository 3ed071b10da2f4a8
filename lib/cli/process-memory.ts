import "server-only";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The node process serving HTTP: the deepest descendant of `pid` (tsx starts node as a child). */
export function serverProcessId(pid: number): number {
  let current = pid;
  for (;;) {
    const children = listChildren(current)
      .split("\n")
      .map((line) => Number(line.trim()))
      .filter((child) => child > 0);
    if (children.length === 0) return current;
    current = children[0] ?? current;
  }
}

function listChildren(pid: number): string {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    return ""; // ps exits 1 when the process has no children
  }
}

/** Resident and peak-resident memory of a process, in MiB (Linux /proc). */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const read = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: Math.round(read("VmRSS")), peak: Math.round(read("VmHWM")) };
}
