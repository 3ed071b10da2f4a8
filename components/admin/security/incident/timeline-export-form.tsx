import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";

/**
 * Downloads the incident timeline (a GET to the export route, like the audit
 * export: the route checks the permission, a recent factor and the reason).
 */
export function TimelineExportForm() {
  return (
    <form method="get" action="/admin/security/incident/timeline" className="flex flex-col gap-3" aria-label="Timeline export">
      <div className="flex flex-wrap gap-3">
        <TextField id="timeline-from" label="From (UTC)" name="from" type="datetime-local" required />
        <TextField id="timeline-to" label="To (UTC)" name="to" type="datetime-local" required />
        <SelectField id="timeline-format" label="Format" name="format" options={[{ value: "csv", label: "CSV" }, { value: "json", label: "JSON" }]} />
      </div>
      <TextField id="timeline-reason" label="Reason (recorded in the audit log)" name="reason" required minLength={10} maxLength={500} />
      <button type="submit" className="min-h-11 self-start rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        Download timeline
      </button>
    </form>
  );
}
