import { MAX_QUERY_LENGTH } from "@/lib/catalog/listing-params";
import { productStatusFilters, type StaffProductFilters } from "@/lib/catalog/staff-product-filters";

type Props = { filters: StaffProductFilters; categories: readonly { slug: string; name: string }[] };

const fieldClass = "min-h-11 rounded border border-neutral-400 bg-white px-3 text-base";

/** A plain GET form (works without JavaScript): search by name, category and status. */
export function ProductFilters({ filters, categories }: Props) {
  return (
    <form action="/admin/products" method="get" role="search" aria-label="Filter products" className="flex flex-col gap-3 md:flex-row md:items-end">
      <div className="flex flex-1 flex-col gap-1">
        <label htmlFor="product-search" className="font-medium">
          Search by name
        </label>
        <input id="product-search" name="q" type="search" defaultValue={filters.query} maxLength={MAX_QUERY_LENGTH} className={fieldClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="product-category" className="font-medium">
          Category
        </label>
        <select id="product-category" name="category" defaultValue={filters.category ?? ""} className={fieldClass}>
          <option value="">All categories</option>
          {categories.map((category) => (
            <option key={category.slug} value={category.slug}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="product-status" className="font-medium">
          Status
        </label>
        <select id="product-status" name="status" defaultValue={filters.status} className={fieldClass}>
          {Object.entries(productStatusFilters).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        Filter
      </button>
    </form>
  );
}
