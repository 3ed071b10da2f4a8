import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/admin/orders/print-button";
import { PostalAddress } from "@/components/postal-address";
import { auditContext } from "@/lib/auth/audit-context";
import { getPackingSlip, PackingSlipError } from "@/lib/dal/orders/packing-slip";
import { env } from "@/lib/env";
import { requireStaffPermission } from "@/lib/guards/staff-guard";

export const metadata: Metadata = { title: "Packing slip" };

type Props = { params: Promise<{ id: string }> };

/** The sheet that goes in the parcel: where it goes and what is in it, never prices or payment. */
export default async function PackingSlipPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireStaffPermission("orders:fulfil", { returnTo: `/admin/orders/${encodeURIComponent(id)}/packing-slip` });
  const result = id.length <= 40 ? await getPackingSlip(viewer, id, await auditContext()) : { ok: false as const, code: PackingSlipError.notFound };
  if (!result.ok && result.code === PackingSlipError.notFound) notFound();
  const back = (
    <p className="print:hidden">
      <Link href={`/admin/orders/${encodeURIComponent(id)}`} className="text-brand-700 hover:underline">
        ← Order
      </Link>
    </p>
  );
  if (!result.ok) {
    return (
      <div className="flex flex-col gap-4">
        {back}
        <h1 className="text-2xl font-bold">Packing slip</h1>
        <p role="alert">This order is not waiting to ship: it has no packing slip.</p>
      </div>
    );
  }
  const { slip } = result;
  return (
    <article className="flex max-w-2xl flex-col gap-5" aria-labelledby="slip-heading">
      {back}
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-neutral-300 pb-3">
        <div>
          <p className="text-lg font-semibold">{env.SHOP_NAME}</p>
          <h1 id="slip-heading" className="text-2xl font-bold">
            Packing slip · Order {slip.number}
          </h1>
          <p>Placed {slip.placedAt.toISOString().slice(0, 10)}</p>
        </div>
        <PrintButton />
      </header>
      <section aria-labelledby="slip-ship-to">
        <h2 id="slip-ship-to" className="font-semibold">Ship to</h2>
        {slip.shipTo ? <PostalAddress address={slip.shipTo} /> : <p>The address was erased at the customer&apos;s request.</p>}
        <p className="mt-2">
          Shipping method: <span className="capitalize">{slip.shippingMethod}</span>
        </p>
      </section>
      <table className="w-full text-left">
        <caption className="sr-only">In this parcel</caption>
        <thead>
          <tr className="border-b border-neutral-300">
            <th scope="col" className="py-2">Item</th>
            <th scope="col" className="py-2">SKU</th>
            <th scope="col" className="py-2 text-right">Quantity</th>
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((line) => (
            <tr key={`${line.name}-${line.sku}`} className="border-b border-neutral-200">
              <td className="py-2">{line.name}</td>
              <td className="py-2 font-mono text-sm">{line.sku}</td>
              <td className="py-2 text-right">{line.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
