import Link from "next/link";
import { Price } from "@/components/price";
import type { StaffProductSummaryDTO } from "@/lib/dal/catalog/staff-products-dto";
import { StatusBadge } from "./status-badge";

/** The admin product list: a card per product on phones, a table from the `md` breakpoint. */
export function ProductTable({ products }: { products: readonly StaffProductSummaryDTO[] }) {
  if (products.length === 0) return <p className="text-neutral-700">No products match these filters.</p>;
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">Products</caption>
      <thead className="sr-only md:not-sr-only">
        <tr className="border-b border-neutral-300">
          <th scope="col" className="py-2 pr-3">Name</th>
          <th scope="col" className="py-2 pr-3">Category</th>
          <th scope="col" className="py-2 pr-3">Status</th>
          <th scope="col" className="py-2 pr-3 text-right">Price</th>
          <th scope="col" className="py-2 text-right">Stock</th>
        </tr>
      </thead>
      <tbody>
        {products.map((product) => (
          <tr key={product.id} className="flex flex-wrap items-center gap-x-3 border-b border-neutral-200 py-2 md:table-row">
            <th scope="row" className="w-full py-1 pr-3 text-left font-normal md:w-auto md:py-2">
              <Link href={`/admin/products/${product.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                {product.name}
              </Link>
            </th>
            <td className="py-1 pr-3 text-neutral-700 md:py-2">{product.categoryName}</td>
            <td className="py-1 pr-3 md:py-2">
              <StatusBadge published={product.published} archived={product.archived} />
            </td>
            <td className="py-1 pr-3 md:py-2 md:text-right">
              <Price money={product.price} />
            </td>
            <td className="py-1 md:py-2 md:text-right">
              <span className="md:sr-only">Stock: </span>
              {product.stock}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
