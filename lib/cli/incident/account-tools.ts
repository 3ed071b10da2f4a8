import "server-only";
import { ACCOUNT_COHORTS, parseAccountCohort } from "@/lib/dal/incident/cohorts";
import { endSessionsForCohort } from "@/lib/dal/incident/end-sessions";
import { forcePasswordReset } from "@/lib/dal/incident/force-password-reset";
import { type CommandIo, EXIT, parseCommand, refusalLine } from "./command-io";

const cohortOptions = { cohort: { type: "string" }, emails: { type: "string" } } as const;
const cohortUsage = `--cohort <${ACCOUNT_COHORTS.join("|")}> [--emails a@x,b@y] --reason "<why>" [--operator <name>]`;

/** `npm run incident:end-sessions -- --cohort … --reason …`: ends every session of the cohort (none is kept). */
export async function runEndSessions(args: string[], io: CommandIo): Promise<number> {
  const usage = `npm run incident:end-sessions -- ${cohortUsage}`;
  const command = parseCommand<{ cohort?: string; emails?: string }>("end-sessions", args, cohortOptions, usage, io);
  if (!command.ok) return EXIT.usage;
  const cohort = parseAccountCohort(command.values.cohort ?? "", command.values.emails);
  if (!cohort.ok) {
    io.err(`${cohort.message}\nUsage: ${usage}`);
    return EXIT.usage;
  }
  const result = await endSessionsForCohort(command.actor, { cohort: cohort.cohort, reason: command.values.reason }, command.context);
  if (!result.ok) {
    io.err(refusalLine(result.code));
    return EXIT.refused;
  }
  io.out(`Ended ${result.sessionsEnded} session(s) of ${result.accounts} account(s).${result.unmatched ? ` ${result.unmatched} listed address(es) have no account.` : ""}`);
  return EXIT.ok;
}

/** `npm run incident:force-reset -- --cohort … --reason …`: passwords must be reset; sessions end. */
export async function runForceReset(args: string[], io: CommandIo): Promise<number> {
  const usage = `npm run incident:force-reset -- ${cohortUsage}`;
  const command = parseCommand<{ cohort?: string; emails?: string }>("force-reset", args, cohortOptions, usage, io);
  if (!command.ok) return EXIT.usage;
  const cohort = parseAccountCohort(command.values.cohort ?? "", command.values.emails);
  if (!cohort.ok) {
    io.err(`${cohort.message}\nUsage: ${usage}`);
    return EXIT.usage;
  }
  const result = await forcePasswordReset(command.actor, { cohort: cohort.cohort, reason: command.values.reason }, command.context);
  if (!result.ok) {
    io.err(refusalLine(result.code));
    return EXIT.refused;
  }
  io.out(`${result.accounts} account(s) must reset their password before signing in again; ${result.sessionsEnded} session(s) ended.`);
  if (result.unmatched) io.out(`${result.unmatched} listed address(es) have no account.`);
  return EXIT.ok;
}
