/** A plain GET form, so search works without JavaScript and the query stays in the URL. */
export function CustomerSearchForm({ query }: { query: string }) {
  return (
    <form action="/admin/customers" method="get" role="search" className="flex flex-col gap-1">
      <label htmlFor="customer-search" className="font-medium">
        Find a customer
      </label>
      <p id="customer-search-hint" className="text-sm text-neutral-700">
        A full email address or an order number (exact match). Names match only customers whose data you have revealed.
      </p>
      <div className="flex gap-2">
        <input
          id="customer-search"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={254}
          aria-describedby="customer-search-hint"
          className="min-h-11 w-full rounded border border-neutral-400 px-3 text-base"
        />
        <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          Search
        </button>
      </div>
    </form>
  );
}
