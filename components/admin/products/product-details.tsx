import { Price } from "@/components/price";
import type { StaffProductDTO } from "@/lib/dal/catalog/staff-products-dto";

/** The product's fields, read-only, for staff who may look but not edit. */
export function ProductDetails({ product }: { product: StaffProductDTO }) {
  const rows: [string, React.ReactNode][] = [
    ["Name", product.name],
    ["Slug", product.slug],
    ["Category", product.categoryName],
    ["Price", <Price key="price" money={product.price} />],
    ["Variants on sale", product.variantCount],
    ["Featured", product.featured ? "Yes" : "No"],
    ["Description", <span key="description" className="whitespace-pre-line">{product.description}</span>],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
      {rows.map(([term, detail]) => (
        <div key={term} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd className="break-words">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
