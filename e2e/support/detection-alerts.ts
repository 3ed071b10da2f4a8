import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "./database";
import { appServerEnv } from "./seeded-accounts";

const run = promisify(execFile);

/** Opens a detection rule's alert on `subject` ("ip:…", "net:…", "user:…") through the DAL (e2e/support/open-detection-alert.ts). */
export async function openDetectionAlert(subject: string, rule = "card_testing"): Promise<void> {
  await run(join("node_modules", ".bin", "tsx"), ["--conditions=react-server", join("e2e", "support", "open-detection-alert.ts"), JSON.stringify({ rule, subject })], {
    env: { ...process.env, ...appServerEnv(), DATABASE_URL: process.env.DATABASE_URL ?? "" },
  });
}

/** Closes it again, as a staff member's acknowledgement would (so no later test meets it). */
export async function closeDetectionAlerts(subject: string): Promise<void> {
  await sql(`UPDATE "SecurityAlert" SET "acknowledgedAt" = now(), "acknowledgeNote" = 'e2e clean-up' WHERE subject = $1 AND "acknowledgedAt" IS NULL`, [subject]);
}
