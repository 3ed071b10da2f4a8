/**
 * Opens a detection alert through the data access layer, as the detection
 * rules do (lib/dal/audit/detection-alerts.ts: one open alert per rule and
 * subject, staff mailed), so a spec can start from "a rule has fired".
 *
 * Run with the app server's environment:
 *   tsx --conditions=react-server e2e/support/open-detection-alert.ts '<json: {rule, subject}>'
 */
import { recordFinding } from "@/lib/dal/audit/detection-alerts";
import type { DetectionRule } from "@/lib/security/detection/findings";
import { stopJobSender } from "@/lib/queue/sender";

const { rule, subject } = JSON.parse(process.argv[2] ?? "{}") as { rule: DetectionRule; subject: string };
try {
  await recordFinding({ rule, severity: "high", subject, count: 12, summary: "End-to-end test finding" });
} finally {
  await stopJobSender();
}
process.exit(0);
