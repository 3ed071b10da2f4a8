import type { CustomerOrderTimelineEntryDTO } from "@/lib/dal/orders/timeline";

const actorLabels = { customer: "Customer", staff: "Staff", system: "Shop" } as const;

/** The order's steps (payment, parcel, mail, returns), oldest first; staff also see who acted. */
export function OrderTimeline({ entries, showActor = false }: { entries: CustomerOrderTimelineEntryDTO[]; showActor?: boolean }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="timeline-heading" className="flex flex-col gap-2">
      <h2 id="timeline-heading" className="font-semibold">
        Timeline
      </h2>
      <ol className="flex flex-col gap-2 border-l-2 border-neutral-300 pl-4">
        {entries.map((entry, index) => (
          <li key={`${entry.type}-${index}`} className="flex flex-col">
            <span className="font-medium">
              {entry.title}
              {showActor && <span className="font-normal text-neutral-700"> · {actorLabels[entry.actor]}</span>}
            </span>
            {entry.detail && <span className="text-sm">{entry.detail}</span>}
            <time dateTime={entry.at.toISOString()} className="text-sm text-neutral-700">
              {entry.at.toISOString().slice(0, 16).replace("T", " ")} UTC
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
