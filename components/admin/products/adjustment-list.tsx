import { formatZonedDateTime } from "@/lib/config/formats";
import type { StaffInventoryAdjustmentDTO } from "@/lib/dal/catalog/inventory";


/** The product's recent stock adjustments, newest first. */
export function AdjustmentList({ adjustments }: { adjustments: readonly StaffInventoryAdjustmentDTO[] }) {
  if (adjustments.length === 0) return <p className="text-neutral-700">No stock adjustments yet.</p>;
  return (
    <ul aria-label="Recent stock adjustments" className="flex flex-col divide-y divide-neutral-200 rounded border border-neutral-200">
      {adjustments.map((adjustment) => (
        <li key={adjustment.id} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-baseline sm:gap-3">
          <span className={`font-mono font-semibold ${adjustment.delta > 0 ? "text-success-800" : "text-danger-800"}`}>
            {adjustment.delta > 0 ? `+${adjustment.delta}` : adjustment.delta}
          </span>
          <span className="font-mono text-sm">{adjustment.sku}</span>
          <span className="flex-1 break-words">{adjustment.reason}</span>
          <span className="text-sm text-neutral-700">
            {formatZonedDateTime(adjustment.createdAt)}{adjustment.byViewer ? ", by you" : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
