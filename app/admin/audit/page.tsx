import type { Metadata } from "next";
import Link from "next/link";
import { VerifyAuditLogForm } from "@/components/admin/audit/verify-audit-log-form";
import { can } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "@/lib/dal/staff/audit-log";
import { parseSearchParams } from "@/lib/http/search-params";
import { auditFiltersFrom, auditParamsSchema } from "./filters";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const field = "min-h-11 rounded border border-neutral-400 px-3";
const brief = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value).slice(0, 200));

export default async function AuditLogPage({ searchParams }: Props) {
  const viewer = await requireStaffPermission("audit:read", { returnTo: "/admin/audit" });
  const params = await searchParams;
  const filters = auditFiltersFrom(params);
  const { page } = parseSearchParams(auditParamsSchema, params);
  const { entries, total } = await listAuditEntries(viewer, filters, page);
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => (typeof value === "string" && key !== "page" ? [[key, value]] : [])),
  );
  const value = (name: string) => (typeof params[name] === "string" ? (params[name] as string).slice(0, 254) : "");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-sm text-neutral-700">
        Append-only and hash-chained: every staff change, reveal, export, staff sign-in and refused attempt. {total} matching entries.
      </p>
      <div className="flex flex-wrap items-start gap-6">
        <VerifyAuditLogForm />
        {can(viewer.role, "audit:export") && (
          <a href={`/admin/audit/export?${query}`} className="inline-flex min-h-11 items-center rounded border border-neutral-400 px-4 font-medium">
            Export as CSV
          </a>
        )}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Actor email</span>
          <input name="actor" type="email" defaultValue={value("actor")} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Action</span>
          <input name="action" placeholder="order.refund" defaultValue={value("action")} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Target type</span>
          <input name="targetType" placeholder="order" defaultValue={value("targetType")} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Target id</span>
          <input name="targetId" defaultValue={value("targetId")} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">From</span>
          <input name="from" type="date" defaultValue={value("from")} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">To</span>
          <input name="to" type="date" defaultValue={value("to")} className={field} />
        </label>
        <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white">
          Filter
        </button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-neutral-300">
              <th scope="col" className="py-2 pr-3">#</th>
              <th scope="col" className="py-2 pr-3">Time (UTC)</th>
              <th scope="col" className="py-2 pr-3">Actor</th>
              <th scope="col" className="py-2 pr-3">Action</th>
              <th scope="col" className="py-2 pr-3">Target</th>
              <th scope="col" className="py-2 pr-3">Outcome</th>
              <th scope="col" className="py-2 pr-3">Reason</th>
              <th scope="col" className="py-2 pr-3">Change</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="border-b border-neutral-200 align-top">
                <td className="py-1 pr-3">{entry.id}</td>
                <td className="py-1 pr-3 whitespace-nowrap">{entry.at.toISOString().slice(0, 19).replace("T", " ")}</td>
                <td className="py-1 pr-3">
                  {entry.actor}
                  {entry.actorRole ? ` (${entry.actorRole})` : ""}
                </td>
                <td className="py-1 pr-3">{entry.action}</td>
                <td className="py-1 pr-3">{entry.target}</td>
                <td className="py-1 pr-3">{entry.outcome}</td>
                <td className="py-1 pr-3">{entry.reason}</td>
                <td className="py-1 pr-3 font-mono text-xs">
                  {brief(entry.before)}
                  {entry.after ? ` → ${brief(entry.after)}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > page * AUDIT_PAGE_SIZE && (
        <p>
          <Link href={`?${new URLSearchParams([...query, ["page", String(page + 1)]])}`} className="text-brand-700 underline">
            Older entries
          </Link>
        </p>
      )}
    </div>
  );
}
