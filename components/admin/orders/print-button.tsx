"use client";

/** Opens the browser's print dialog (a client component: the CSP allows no inline handlers). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white print:hidden">
      {label}
    </button>
  );
}
