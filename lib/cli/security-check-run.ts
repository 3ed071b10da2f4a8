import "server-only";
import { type SetupFacts, readSetupFacts } from "@/lib/dal/operations/setup-facts";
import { env } from "@/lib/env";
import { hasFailure, selfCheckItems } from "@/lib/self-check/self-check";
import type { SelfCheckItem } from "@/lib/self-check/self-check-item";

const MARK = { ok: "ok  ", warn: "WARN", fail: "FAIL" } as const;

function render(items: readonly SelfCheckItem[]): string {
  return items
    .map((entry) => [`${MARK[entry.status]}  ${entry.label}: ${entry.detail}`, ...(entry.fix ? [`      Fix: ${entry.fix}`] : [])].join("\n"))
    .join("\n");
}

async function databaseFacts(): Promise<SetupFacts | null> {
  if (!env.DATABASE_URL) return null;
  try {
    return await readSetupFacts();
  } catch (error) {
    console.error(`The database did not answer (${(error as Error).message.split("\n")[0]}); its items are not checked.`);
    return null;
  }
}

export async function securityCheck(): Promise<number> {
  const items = selfCheckItems(env, await databaseFacts(), process.versions.node, new Date());
  console.log(render(items));
  const counts = (status: SelfCheckItem["status"]) => items.filter((entry) => entry.status === status).length;
  console.log(`\n${counts("ok")} ok, ${counts("warn")} warnings, ${counts("fail")} failing (NODE_ENV=${env.NODE_ENV}).`);
  return hasFailure(items) ? 1 : 0;
}
