import "server-only";
import { runEndSessions, runForceReset } from "./account-tools";
import { type CommandIo, EXIT } from "./command-io";
import { runNotify } from "./notify-tool";
import { runLockdown, runRotateKeys, runTimeline } from "./shop-tools";

/** The incident commands, by the name after `incident:` (docs/incident-response.md). */
export const incidentTools: Record<string, (args: string[], io: CommandIo) => Promise<number>> = {
  "end-sessions": runEndSessions,
  "force-reset": runForceReset,
  lockdown: runLockdown,
  "rotate-keys": runRotateKeys,
  notify: runNotify,
  timeline: runTimeline,
};

/** Runs `tool` with `args`; returns the exit code (2 for an unknown tool). */
export async function runIncidentTool(tool: string | undefined, args: string[], io: CommandIo): Promise<number> {
  const run = tool && Object.hasOwn(incidentTools, tool) ? incidentTools[tool] : undefined;
  if (!run) {
    io.err(`Unknown incident tool "${tool ?? ""}". Tools: ${Object.keys(incidentTools).join(", ")}.`);
    return EXIT.usage;
  }
  return run(args, io);
}
