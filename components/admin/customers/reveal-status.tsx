import Link from "next/link";
import { formatZonedTime } from "@/lib/config/formats";

/**
 * Says whether the viewer sees this customer masked or revealed, and offers
 * the reveal to those allowed to ask for one (a link, not the protection: the
 * reveal page and its action check the permission again).
 */
export function RevealStatus({ customerId, revealedUntil, canReveal }: { customerId: string; revealedUntil: Date | null; canReveal: boolean }) {
  if (revealedUntil) {
    return (
      <p role="status" className="rounded border border-warning-300 bg-warning-50 px-3 py-2 text-warning-950">
        Personal data revealed until <time dateTime={revealedUntil.toISOString()}>{formatZonedTime(revealedUntil)}</time>, to you only. The
        reveal and your reason are in the audit log.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2 rounded border border-neutral-200 bg-neutral-50 px-3 py-2 sm:flex-row sm:items-center sm:justify-between">
      <p>Personal data is masked.</p>
      {canReveal && (
        <Link
          href={`/admin/customers/${customerId}/reveal`}
          className="inline-flex min-h-11 items-center justify-center rounded border border-neutral-400 bg-white px-4 font-medium hover:bg-neutral-100"
        >
          Reveal personal data
        </Link>
      )}
    </div>
  );
}
