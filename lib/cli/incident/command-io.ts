import "server-only";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import type { AuditContext } from "@/lib/context/request-context";
import { cliAuditContext, type IncidentActor, IncidentRefusal } from "@/lib/dal/incident/actor";

/** Where a command writes: lines for people (stderr for problems) and raw data (an export to stdout). */
export type CommandIo = { out: (line: string) => void; err: (line: string) => void; write: (data: string) => void };

export const consoleIo: CommandIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  write: (data) => void process.stdout.write(data),
};

/** Exit codes of every incident command: done, refused or failed, bad usage. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** The options every incident command takes: the reason (required) and who runs it. */
const common = { reason: { type: "string" }, operator: { type: "string" } } as const;

export type ParsedCommand<T> = { ok: true; values: T & { reason: string }; positionals: string[]; actor: IncidentActor; context: AuditContext } | { ok: false };

/**
 * Parses a command's arguments; without --reason (or with an unknown option)
 * prints the usage and refuses. The operator defaults to the shell's user name;
 * the audit entry records actor "cli", role "operator" and that name.
 */
export function parseCommand<T>(tool: string, args: string[], options: Options, usage: string, io: CommandIo): ParsedCommand<T> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { ...options, ...common }, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: ${usage}`);
    return { ok: false };
  }
  const reason = typeof parsed.values.reason === "string" ? parsed.values.reason : "";
  if (reason.trim() === "") {
    io.err(`--reason is required (say why, e.g. the incident or ticket number).\nUsage: ${usage}`);
    return { ok: false };
  }
  const operator = typeof parsed.values.operator === "string" && parsed.values.operator.trim() ? parsed.values.operator.trim() : safeUserName();
  const actor: IncidentActor = { kind: "cli", operator };
  return { ok: true, values: { ...(parsed.values as T), reason }, positionals: parsed.positionals, actor, context: cliAuditContext(tool, operator) };
}

function safeUserName(): string {
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

/** The line printed for a refusal the DAL reported by code. */
export function refusalLine(code: string): string {
  if (code === IncidentRefusal.reasonInvalid) return "The reason must be 10 to 500 characters (e.g. the incident or ticket number).";
  return `Refused: ${code.replace(/_/g, " ")}.`;
}
