import "server-only";
import { writeFile } from "node:fs/promises";
import { rotateKeysNow } from "@/lib/dal/incident/key-rotation-run";
import { setLockdown } from "@/lib/dal/incident/lockdown";
import { LOCKDOWN_CACHE_MS } from "@/lib/dal/lockdown/state";
import { exportTimeline, timelineCsv } from "@/lib/dal/incident/timeline";
import { env } from "@/lib/env";
import { type CommandIo, EXIT, parseCommand, refusalLine } from "./command-io";

/** `npm run incident:lockdown -- on|off --reason …`: checkout, payments and sign-ups closed or reopened. */
export async function runLockdown(args: string[], io: CommandIo): Promise<number> {
  const usage = `npm run incident:lockdown -- <on|off> --reason "<why>" [--operator <name>]`;
  const command = parseCommand<object>("lockdown", args, {}, usage, io);
  if (!command.ok) return EXIT.usage;
  const [state] = command.positionals;
  if (state !== "on" && state !== "off") {
    io.err(`Say "on" or "off".\nUsage: ${usage}`);
    return EXIT.usage;
  }
  const result = await setLockdown(command.actor, { active: state === "on", reason: command.values.reason }, command.context);
  if (!result.ok) {
    io.err(refusalLine(result.code));
    return EXIT.refused;
  }
  const seconds = LOCKDOWN_CACHE_MS / 1000;
  io.out(`Lockdown is ${result.active ? "ON: checkout, payments and sign-ups are refused" : "OFF: the shop is open"}${result.changed ? "" : " (it already was)"}. Every instance follows within ${seconds} s.`);
  return EXIT.ok;
}

/** `npm run incident:rotate-keys -- --reason …`: re-encrypts every field under the current key, now. */
export async function runRotateKeys(args: string[], io: CommandIo): Promise<number> {
  const command = parseCommand<object>("rotate-keys", args, {}, `npm run incident:rotate-keys -- --reason "<why>" [--operator <name>]`, io);
  if (!command.ok) return EXIT.usage;
  // Without configured keys the ring would be a random per-process key, under which nothing decrypts.
  if (!env.FIELD_ENCRYPTION_KEYS) {
    io.err("FIELD_ENCRYPTION_KEYS is not set: run with the shop's key ring (old and new keys, the new one current).");
    return EXIT.usage;
  }
  const result = await rotateKeysNow(command.actor, { reason: command.values.reason }, command.context);
  if (!result.ok) {
    io.err(refusalLine(result.code));
    return EXIT.refused;
  }
  const { totals } = result;
  io.out(`Rotated to key "${totals.currentKeyId}": ${totals.scanned} scanned, ${totals.reencrypted} re-encrypted, ${totals.failed} failed, ${totals.conflicts} changed meanwhile.`);
  if (totals.failed > 0) io.err("Some values did not decrypt and were left unchanged: `npm run keys:rotate -- --dry-run` lists their rows.");
  return totals.failed > 0 || totals.interrupted ? EXIT.refused : EXIT.ok;
}

/** `npm run incident:timeline -- --from … --to … --reason … [--format csv|json] [--out file]`. */
export async function runTimeline(args: string[], io: CommandIo): Promise<number> {
  const usage = `npm run incident:timeline -- --from <ISO time> --to <ISO time> --reason "<why>" [--format csv|json] [--out <file>]`;
  const options = { from: { type: "string" }, to: { type: "string" }, format: { type: "string", default: "csv" }, out: { type: "string" } } as const;
  const command = parseCommand<{ from?: string; to?: string; format?: string; out?: string }>("timeline", args, options, usage, io);
  if (!command.ok) return EXIT.usage;
  const from = new Date(command.values.from ?? "");
  const to = new Date(command.values.to ?? new Date().toISOString());
  const format = command.values.format;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || (format !== "csv" && format !== "json")) {
    io.err(`--from and --to must be ISO times, --format csv or json.\nUsage: ${usage}`);
    return EXIT.usage;
  }
  const result = await exportTimeline(command.actor, { from, to, reason: command.values.reason }, command.context);
  if (!result.ok) {
    io.err(result.code === "window_invalid" ? "--from must be before --to, at most a year apart." : refusalLine(result.code));
    return EXIT.refused;
  }
  const data = format === "csv" ? timelineCsv(result.rows) : `${JSON.stringify(result.rows, null, 2)}\n`;
  if (command.values.out) {
    await writeFile(command.values.out, data, { mode: 0o600 });
    io.err(`Wrote ${result.rows.length} row(s) to ${command.values.out}.`);
  } else io.write(data);
  return EXIT.ok;
}

