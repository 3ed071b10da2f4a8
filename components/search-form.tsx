import { MAX_QUERY_LENGTH } from "@/lib/catalog/listing-params";

/** A plain GET form: search works without JavaScript. */
export function SearchForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex gap-2">
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Search products"
        className="min-h-11 w-full rounded border border-neutral-400 px-3 text-base"
      />
      <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        Search
      </button>
    </form>
  );
}
