import Link from "next/link";

/** Previous/next page links that keep the other query parameters. */
export function Pagination({
  page,
  pages,
  basePath,
  params,
}: {
  page: number;
  pages: number;
  basePath: string;
  params: Record<string, string>;
}) {
  if (pages <= 1) return null;
  const href = (target: number) => `${basePath}?${new URLSearchParams({ ...params, page: String(target) })}`;
  const linkClass = "inline-flex min-h-11 items-center rounded border border-neutral-300 px-4 hover:bg-neutral-50";
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={linkClass}>
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={linkClass}>
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
