import { returnStatusText } from "@/components/orders/return-status-text";
import { Price } from "@/components/price";
import { formatMoney } from "@/lib/catalog/money";
import { formatMoneyInput } from "@/lib/catalog/money-text";
import type { StaffReturnDTO } from "@/lib/dal/orders/returns/staff-returns";
import { RefundReturnForm, RejectReturnForm, ReturnStepForm } from "./return-forms";

const day = (at: Date | null) => (at ? at.toISOString().slice(0, 16).replace("T", " ") : null);

/** The order's returns with the steps the viewer may take on each (the DAL decides which). */
export function OrderReturnsPanel({ orderId, returns }: { orderId: string; returns: StaffReturnDTO[] }) {
  if (returns.length === 0) return null;
  return (
    <section aria-labelledby="returns-heading" className="flex flex-col gap-3">
      <h2 id="returns-heading" className="font-semibold">
        Returns
      </h2>
      {returns.map((entry) => (
        <article key={entry.id} aria-label={`Return of ${entry.units} items`} className="flex flex-col gap-2 rounded border border-neutral-300 p-3">
          <p className="font-medium">
            {returnStatusText(entry.status, "staff")} · {entry.units} {entry.units === 1 ? "item" : "items"} · worth <Price money={entry.value} />
          </p>
          <p className="text-sm">{entry.lines.map((line) => `${line.quantity} × ${line.name} (${formatMoney(line.unitPrice)})`).join(", ")}</p>
          <p className="text-sm">Customer&apos;s reason: “{entry.reason}”</p>
          {entry.rejectionReason && <p className="text-sm">Declined: “{entry.rejectionReason}”</p>}
          <p className="text-sm text-neutral-700">
            Requested {day(entry.requestedAt)} UTC
            {entry.decidedAt && ` · decided ${day(entry.decidedAt)}`}
            {entry.receivedAt && ` · received ${day(entry.receivedAt)}`}
            {entry.refundedAt && ` · refunded ${day(entry.refundedAt)}`}
          </p>
          {entry.refund && (
            <p className="text-sm">
              Refund <Price money={entry.refund.amount} /> · {entry.refund.status}
            </p>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            {entry.actions.approve && <ReturnStepForm returnId={entry.id} step="approve" />}
            {entry.actions.reject && <RejectReturnForm returnId={entry.id} />}
            {entry.actions.receive && <ReturnStepForm returnId={entry.id} step="receive" />}
            {entry.actions.refund && (
              <RefundReturnForm returnId={entry.id} orderId={orderId} value={formatMoneyInput(entry.value.amountMinor, entry.value.currency)} valueText={formatMoney(entry.value)} />
            )}
          </div>
        </article>
      ))}
    </section>
  );
}
