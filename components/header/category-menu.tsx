"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";

type Category = { slug: string; name: string };

/**
 * The header's category navigation: a row of links from the small breakpoint
 * up, and behind a "Categories" button on phones (a disclosure: the button
 * says whether the list is open and which element it controls; Escape closes
 * it). Choosing a category closes it.
 */
export function CategoryMenu({ categories }: { categories: Category[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const pathname = usePathname();
  if (categories.length === 0) return null;
  return (
    <nav aria-label="Categories" className="w-full sm:w-auto" onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex min-h-11 items-center gap-2 rounded px-3 font-medium text-brand-700 sm:hidden"
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span> Categories
      </button>
      <ul id={listId} className={`${open ? "flex" : "hidden"} flex-col gap-1 sm:flex sm:flex-row sm:flex-wrap sm:gap-2`}>
        {categories.map((category) => {
          const href = `/category/${category.slug}`;
          const current = pathname === href;
          return (
            <li key={category.slug}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={`inline-flex min-h-11 items-center rounded px-3 text-neutral-800 hover:text-brand-700 hover:underline ${current ? "font-semibold text-brand-800" : ""}`}
              >
                {category.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
