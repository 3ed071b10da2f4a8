import Link from "next/link";
import { type SortOption, sortOptions } from "@/lib/catalog/listing-params";

/** Sorting as plain links: works without JavaScript and with any assistive technology. */
export function SortLinks({ basePath, current }: { basePath: string; current: SortOption }) {
  return (
    <nav aria-label="Sort products" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-neutral-700">Sort by:</span>
      {Object.entries(sortOptions).map(([value, label]) => (
        <Link
          key={value}
          href={`${basePath}?sort=${value}`}
          aria-current={value === current ? "true" : undefined}
          className={`inline-flex min-h-11 items-center rounded px-2 ${
            value === current ? "font-semibold text-neutral-900 underline" : "text-brand-700 hover:underline"
          }`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
