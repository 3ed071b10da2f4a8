import { Price } from "@/components/price";
import type { PublicVariantDTO } from "@/lib/dal/catalog/dto";

/** The chosen variant's price (with the earlier price struck through) and whether it can be bought; announced when the choice changes. */
export function VariantOffer({ variant }: { variant: PublicVariantDTO | null }) {
  return (
    <div aria-live="polite" className="flex flex-col gap-1">
      {variant ? (
        <>
          <p className="flex items-baseline gap-3">
            <Price money={variant.price} className="text-2xl font-semibold" />
            {variant.compareAtPrice && (
              <s className="text-neutral-700">
                <span className="sr-only">Was </span>
                <Price money={variant.compareAtPrice} />
              </s>
            )}
          </p>
          <p className={variant.availability.status === "out_of_stock" ? "text-danger-800" : "text-success-800"}>{availabilityText(variant.availability)}</p>
        </>
      ) : (
        <p className="text-danger-800">This combination is not available.</p>
      )}
    </div>
  );
}

function availabilityText(availability: PublicVariantDTO["availability"]): string {
  if (availability.status === "out_of_stock") return "Out of stock";
  if (availability.status === "low_stock") return `Only ${availability.unitsLeft} left`;
  return "In stock";
}
