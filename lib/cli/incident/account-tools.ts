import "server-only";
import type { AuditContext } from "@/lib/context/request-context";
import { type AccountCohort, ACCOUNT_COHORTS, parseAccountCohort } from "@/lib/dal/incident/cohorts";
import type { IncidentActor, Refused } from "@/lib/dal/incident/actor";
import { endSessionsForCohort, type EndSessionsResult } from "@/lib/dal/incident/end-sessions";
import { forcePasswordReset, type ForceResetResult } from "@/lib/dal/incident/force-password-reset";
import { type CommandIo, EXIT, parseCommand, refusalLine } from "./command-io";

const cohortOptions = { cohort: { type: "string" }, emails: { type: "string" } } as const;
const cohortUsage = `--cohort <${ACCOUNT_COHORTS.join("|")}> [--emails a@x,b@y] --reason "<why>" [--operator <name>]`;

type CohortTool<Result> = (actor: IncidentActor, input: { cohort: AccountCohort; reason: string }, context: AuditContext) => Promise<Result | Refused>;

/** The shared shape of the cohort commands: parse, call the DAL tool, print its summary lines. */
function cohortCommand<Result extends { ok: true }>(name: string, tool: CohortTool<Result>, summary: (result: Result) => string[]) {
  return async (args: string[], io: CommandIo): Promise<number> => {
    const usage = `npm run incident:${name} -- ${cohortUsage}`;
    const command = parseCommand<{ cohort?: string; emails?: string }>(name, args, cohortOptions, usage, io);
    if (!command.ok) return EXIT.usage;
    const cohort = parseAccountCohort(command.values.cohort ?? "", command.values.emails);
    if (!cohort.ok) {
      io.err(`${cohort.message}\nUsage: ${usage}`);
      return EXIT.usage;
    }
    const result = await tool(command.actor, { cohort: cohort.cohort, reason: command.values.reason }, command.context);
    if (!result.ok) {
      io.err(refusalLine(result.code));
      return EXIT.refused;
    }
    for (const line of summary(result)) io.out(line);
    return EXIT.ok;
  };
}

const unmatchedLine = (unmatched: number) => (unmatched ? [`${unmatched} listed address(es) have no account.`] : []);

/** `npm run incident:end-sessions -- --cohort … --reason …`: ends every session of the cohort (none is kept). */
export const runEndSessions = cohortCommand("end-sessions", endSessionsForCohort, (result: Extract<EndSessionsResult, { ok: true }>) => [
  `Ended ${result.sessionsEnded} session(s) of ${result.accounts} account(s).`,
  ...unmatchedLine(result.unmatched),
]);

/** `npm run incident:force-reset -- --cohort … --reason …`: passwords must be reset; sessions end. */
export const runForceReset = cohortCommand("force-reset", forcePasswordReset, (result: Extract<ForceResetResult, { ok: true }>) => [
  `${result.accounts} account(s) must reset their password before signing in again; ${result.sessionsEnded} session(s) ended.`,
  ...unmatchedLine(result.unmatched),
]);
