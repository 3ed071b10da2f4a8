import Link from "next/link";
import type { ReactNode } from "react";

/** A list with nothing in it: what happened, and the next step, as a link. */
export function EmptyState({ children, action }: { children: ReactNode; action: { href: string; label: string } }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-neutral-300 bg-neutral-50 p-6">
      <p>{children}</p>
      <Link href={action.href} className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
        {action.label}
      </Link>
    </div>
  );
}
