import Link from "next/link";

/** What a missing page says, inside whichever frame it falls in. */
export function NotFoundNotice() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
      <p>
        <Link href="/" className="text-brand-700 hover:underline">
          Back to the shop
        </Link>
      </p>
    </div>
  );
}
