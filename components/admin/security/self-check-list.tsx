import type { SelfCheckItem } from "@/lib/self-check/self-check-item";

const STYLE = {
  ok: { label: "OK", className: "border-success-300 bg-success-50 text-success-900" },
  warn: { label: "Warning", className: "border-warning-400 bg-warning-50 text-warning-900" },
  fail: { label: "Failing", className: "border-danger-400 bg-danger-50 text-danger-900" },
} as const;

/** The self-check's items as a list; the status is spelled out, never told by colour alone. */
export function SelfCheckList({ items }: { items: readonly SelfCheckItem[] }) {
  return (
    <ul className="flex flex-col gap-2" aria-label="Setup checks">
      {items.map((entry) => (
        <li key={entry.id} data-status={entry.status} className={`rounded border px-3 py-2 ${STYLE[entry.status].className}`}>
          <p>
            <strong>{STYLE[entry.status].label}</strong> · <span className="font-semibold">{entry.label}</span>: {entry.detail}
          </p>
          {entry.fix && <p className="text-sm">Fix: {entry.fix}</p>}
        </li>
      ))}
    </ul>
  );
}
