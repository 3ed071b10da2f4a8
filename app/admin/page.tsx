import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { BarChart } from "@/components/admin/bar-chart";
import { Price } from "@/components/price";
import { can } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { formatMoney } from "@/lib/catalog/money";
import { getDashboard } from "@/lib/dal/staff/dashboard";
import { parseSearchParams, searchValue } from "@/lib/http/search-params";
import { nodeSupport, nodeSupportNotice } from "@/lib/self-check/node-support";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `denied`: the permission a guard refused, shown cut short (the guard redirects here with it). */
const dashboardParamsSchema = z.object({ denied: searchValue });

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded border border-neutral-200 p-3">
      <dt className="text-sm text-neutral-700">{label}</dt>
      <dd className="text-2xl font-bold">{children}</dd>
    </div>
  );
}

export default async function AdminDashboardPage({ searchParams }: Props) {
  const viewer = await requireStaffPermission("dashboard:read");
  const { denied } = parseSearchParams(dashboardParamsSchema, await searchParams);
  const dashboard = await getDashboard(viewer);
  const currency = dashboard.today.revenue.currency;
  // Infrastructure detail: shown to the roles that read the shop's security state.
  const runtimeNotice = can(viewer.role, "security:read") ? nodeSupportNotice(nodeSupport(process.versions.node, new Date())) : null;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Staff admin</h1>
      {denied !== undefined && (
        <p role="alert" className="rounded border border-danger-300 bg-danger-50 px-3 py-2 text-danger-900">
          Your role does not allow that ({denied.slice(0, 40)}). The attempt was recorded.
        </p>
      )}
      {dashboard.rateLimitsOnFallbackSince && (
        <p role="status" className="rounded border border-warning-400 bg-warning-50 px-3 py-2 text-warning-900">
          Rate limits on fallback store: Redis has been unreachable since{" "}
          {dashboard.rateLimitsOnFallbackSince.toISOString().slice(0, 16).replace("T", " ")} UTC; limits are counted in PostgreSQL.
        </p>
      )}
      {runtimeNotice && (
        <p role="status" className="rounded border border-warning-400 bg-warning-50 px-3 py-2 text-warning-900">
          {runtimeNotice} <Link href="/admin/security/setup" className="font-medium underline">Setup self-check</Link>
        </p>
      )}
      {dashboard.alerts && dashboard.alerts.length > 0 && (
        <section aria-labelledby="alerts-heading" className="rounded border-2 border-danger-400 bg-danger-50 p-3">
          <h2 id="alerts-heading" className="font-semibold text-danger-900">Security alerts</h2>
          <ul className="list-disc pl-5">
            {dashboard.alerts.map((alert) => (
              <li key={alert.id}>
                {alert.at.toISOString().slice(0, 16).replace("T", " ")} · {alert.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure label="Orders today">{dashboard.today.orders}</Figure>
        <Figure label="Revenue today">
          <Price money={dashboard.today.revenue} />
        </Figure>
        <Figure label="Awaiting fulfilment">
          <Link href="/admin/orders?show=to_ship" className="text-brand-700 hover:underline">
            {dashboard.awaitingFulfilment}
          </Link>
        </Figure>
        <Figure label="Held orders">
          <Link href="/admin/orders?payment=on_hold" className="text-brand-700 hover:underline">
            {dashboard.held}
          </Link>
        </Figure>
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <BarChart
          title="Sales, last 14 days"
          points={dashboard.daily.map((day) => ({ label: day.day, value: day.revenue.amountMinor }))}
          format={(value) => formatMoney({ amountMinor: value, currency })}
        />
        <BarChart title="Orders, last 14 days" points={dashboard.daily.map((day) => ({ label: day.day, value: day.orders }))} format={String} />
      </div>
      <section aria-labelledby="stock-heading">
        <h2 id="stock-heading" className="font-semibold">Low stock</h2>
        {dashboard.lowStock.length === 0 ? (
          <p>Nothing is running low.</p>
        ) : (
          <ul>
            {dashboard.lowStock.map((variant) => (
              <li key={variant.sku}>
                {variant.name} ({variant.sku}): {variant.stock} left
              </li>
            ))}
          </ul>
        )}
      </section>
      {dashboard.securityEvents && (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading" className="font-semibold">Recent security events</h2>
          <ul className="text-sm">
            {dashboard.securityEvents.map((event, i) => (
              <li key={`${event.type}-${i}`}>
                {event.at.toISOString().slice(0, 19).replace("T", " ")} · {event.type.replace(/_/g, " ")}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
