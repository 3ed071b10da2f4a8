import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/admin/bar-chart";
import { AcknowledgeAlertForm } from "@/components/admin/security/acknowledge-alert-form";
import { can } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { getSecurityOverview } from "@/lib/dal/staff/security-overview";

export const metadata: Metadata = { title: "Security" };

const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Open security alerts (detection rules and insider alerts) and two weeks of security events. */
export default async function SecurityPage() {
  const viewer = await requireStaffPermission("security:read", { returnTo: "/admin/security" });
  const overview = await getSecurityOverview(viewer);
  const mayRespond = can(viewer.role, "security:respond");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Security</h1>
      {can(viewer.role, "security:manage") && (
        <p>
          <Link href="/admin/security/incident" className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
            Incident response tools →
          </Link>
        </p>
      )}
      <section aria-labelledby="open-alerts-heading" className="flex flex-col gap-3">
        <h2 id="open-alerts-heading" className="text-lg font-semibold">Open alerts</h2>
        {overview.openAlerts.length === 0 ? (
          <p>No open alerts.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {overview.openAlerts.map((alert) => (
              <li key={alert.id} className="rounded border border-neutral-300 p-3" aria-label={`${alert.rule.replace(/_/g, " ")} alert`}>
                <p className="font-semibold">
                  <span className="uppercase">{alert.severity ?? "insider"}</span> · {alert.rule.replace(/_/g, " ")} · {alert.subject}
                </p>
                <p>{alert.message}</p>
                <p className="text-sm text-neutral-700">
                  First seen {when(alert.firstSeen)} · last seen {when(alert.lastSeen)} · count {alert.count}
                </p>
                {mayRespond && <AcknowledgeAlertForm alertId={alert.id} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <BarChart title="Alerts per day, last 14 days" points={overview.alertsPerDay.map((d) => ({ label: d.day, value: d.value }))} format={String} />
        {overview.eventsPerDay.map((series) => (
          <BarChart
            key={series.type}
            title={`${series.type.replace(/_/g, " ")} per day`}
            points={series.days.map((d) => ({ label: d.day, value: d.value }))}
            format={String}
          />
        ))}
      </div>
    </div>
  );
}
