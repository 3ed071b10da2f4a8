import type { Metadata } from "next";
import Link from "next/link";
import { BreachNoticeForm } from "@/components/admin/security/incident/breach-notice-form";
import { type IncidentField, IncidentToolForm } from "@/components/admin/security/incident/incident-tool-form";
import { TimelineExportForm } from "@/components/admin/security/incident/timeline-export-form";
import { endSessionsAction } from "@/lib/actions/admin/incident/end-sessions";
import { forcePasswordResetAction } from "@/lib/actions/admin/incident/force-password-reset";
import { rotateKeysAction } from "@/lib/actions/admin/incident/rotate-keys";
import { setLockdownAction } from "@/lib/actions/admin/incident/set-lockdown";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listBreachNotices } from "@/lib/dal/incident/breach-delivery";
import { COHORT_LABELS } from "@/lib/dal/incident/cohorts";
import { listKeyRotations } from "@/lib/dal/incident/key-rotation-run";
import { getLockdownStatus, LOCKDOWN_CACHE_MS } from "@/lib/dal/lockdown/state";

export const metadata: Metadata = { title: "Incident response" };

const PAGE = "/admin/security/incident";
const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");
const cohortOptions = Object.entries(COHORT_LABELS).map(([value, label]) => ({ value, label }));
const cohortFields: IncidentField[] = [
  { kind: "select", name: "cohort", label: "Whose accounts", options: cohortOptions },
  { kind: "textarea", name: "emails", label: "Addresses (for a list; commas or lines)" },
];
const section = "flex flex-col gap-3 rounded border border-neutral-300 p-4";

/** The incident response tools (owners: security:manage, with a second factor proven in the last minutes). See docs/incident-response.md. */
export default async function IncidentPage() {
  const viewer = await requireStaffPermission("security:manage", { returnTo: PAGE });
  requireRecentAuthentication(viewer, PAGE);
  const [lockdown, rotations, notices] = await Promise.all([getLockdownStatus(), listKeyRotations(viewer), listBreachNotices(viewer)]);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p>
        <Link href="/admin/security" className="inline-flex min-h-11 items-center text-brand-700 hover:underline">← Security</Link>
      </p>
      <h1 className="text-2xl font-bold">Incident response</h1>
      <p>Every tool asks for a reason and is recorded in the audit log. The runbook (docs/incident-response.md) says when to use which.</p>

      <section aria-labelledby="lockdown-heading" className={section}>
        <h2 id="lockdown-heading" className="text-lg font-semibold">Lockdown mode</h2>
        <p>
          {lockdown.active ? `On since ${when(lockdown.changedAt)}: ${lockdown.reason ?? ""}` : "Off: the shop is open."} While on, checkout, payments and sign-ups are refused
          and shoppers see a banner; staff and signing in are unaffected. Every instance follows within {LOCKDOWN_CACHE_MS / 1000} seconds.
        </p>
        <IncidentToolForm
          tool="lockdown"
          action={setLockdownAction}
          fields={[]}
          hidden={{ active: lockdown.active ? "off" : "on" }}
          submit={lockdown.active ? "Turn lockdown off" : "Turn lockdown on"}
        />
      </section>

      <section aria-labelledby="sessions-heading" className={section}>
        <h2 id="sessions-heading" className="text-lg font-semibold">End sessions</h2>
        <p>Signs the chosen accounts out everywhere. Your own session here is kept (your other sessions end if you are in the cohort).</p>
        <IncidentToolForm tool="sessions" action={endSessionsAction} fields={cohortFields} submit="End sessions" />
      </section>

      <section aria-labelledby="reset-heading" className={section}>
        <h2 id="reset-heading" className="text-lg font-semibold">Force a password reset</h2>
        <p>Their passwords stop working until they use a reset link (sign-in tells them so), and their sessions end. Your own account is left out.</p>
        <IncidentToolForm tool="reset" action={forcePasswordResetAction} fields={cohortFields} submit="Force password reset" />
      </section>

      <section aria-labelledby="keys-heading" className={section}>
        <h2 id="keys-heading" className="text-lg font-semibold">Rotate encryption keys</h2>
        <p>Make the new key current in FIELD_ENCRYPTION_KEYS on every instance first; the worker then re-encrypts every field under it.</p>
        <IncidentToolForm tool="keys" action={rotateKeysAction} fields={[]} submit="Rotate keys" />
        {rotations.length > 0 && (
          <ul aria-label="Key rotations" className="flex flex-col gap-1 text-sm">
            {rotations.map((run) => (
              <li key={run.jobId}>
                {when(run.requestedAt)} · {run.state}
                {run.totals ? ` · ${run.totals.reencrypted} re-encrypted, ${run.totals.failed} failed, key ${run.totals.currentKeyId}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="notice-heading" className={section}>
        <h2 id="notice-heading" className="text-lg font-semibold">Breach notice</h2>
        <BreachNoticeForm />
        {notices.length > 0 && (
          <table className="text-left text-sm">
            <caption className="text-left font-semibold">Notices sent</caption>
            <thead>
              <tr><th>Sent</th><th>Subject</th><th>Cohort</th><th>Recipients</th><th>Delivered</th><th>Failed</th><th>Queued</th></tr>
            </thead>
            <tbody>
              {notices.map((notice) => (
                <tr key={notice.id}>
                  <td>{when(notice.createdAt)}</td><td>{notice.subject}</td><td>{notice.cohort.replace(/_/g, " ")}</td>
                  <td>{notice.recipients}</td><td>{notice.sent}</td><td>{notice.failed}</td><td>{notice.pending}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className={section}>
        <h2 id="timeline-heading" className="text-lg font-semibold">Timeline export</h2>
        <p>Audit entries and security events of a window, in time order, as a download; secrets are masked and the export is audited.</p>
        <TimelineExportForm />
      </section>
    </div>
  );
}
