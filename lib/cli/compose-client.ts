import "server-only";
import { spawnSync } from "node:child_process";

function works(command: string, args: string[]): boolean {
  try {
    return spawnSync(command, args, { stdio: "ignore" }).status === 0;
  } catch {
    return false;
  }
}

/** The Compose command line available here (v2 plugin, else v1), or null. */
export async function composeClient(): Promise<string[] | null> {
  if (works("docker", ["compose", "version"])) return ["docker", "compose"];
  if (works("docker-compose", ["version"])) return ["docker-compose"];
  return null;
}
