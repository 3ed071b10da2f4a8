import { Price } from "@/components/price";
import type { CustomerReturnDTO } from "@/lib/dal/orders/returns/customer-returns";
import { returnStatusText } from "./return-status-text";

/** The order's returns as the customer follows them, newest first. */
export function OrderReturns({ returns }: { returns: CustomerReturnDTO[] }) {
  if (returns.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2">
      {returns.map((entry) => (
        <li key={entry.id} className="rounded border border-neutral-300 px-3 py-2">
          <p className="font-medium">
            Return of {entry.units} {entry.units === 1 ? "item" : "items"} · {returnStatusText(entry.status)}
          </p>
          <p className="text-sm">{entry.lines.map((line) => `${line.quantity} × ${line.name}`).join(", ")}</p>
          {entry.rejectionReason && <p className="text-sm">Why: “{entry.rejectionReason}”</p>}
          {entry.refunded && (
            <p className="text-sm">
              Refunded <Price money={entry.refunded} />
            </p>
          )}
          <p className="text-sm text-neutral-700">Requested {entry.requestedAt.toISOString().slice(0, 10)}</p>
        </li>
      ))}
    </ul>
  );
}
