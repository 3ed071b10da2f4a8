import type { PublicProductImageDTO } from "@/lib/dal/catalog/product-gallery";
import type { DtoMapping } from "@/lib/data-classes/dto-audience";

/*
 * The mapping of the gallery image DTO a shopper's browser receives (see
 * dto-classes.test.ts): every key with the schema columns it is built from.
 */
export const publicProductImage: DtoMapping<PublicProductImageDTO> = {
  dto: "PublicProductImageDTO",
  audience: "public",
  keys: {
    src: { fields: ["ProductImage.id"], derived: "the image route's path for the id" },
    alt: { fields: ["ProductImage.alt"] },
    width: { fields: ["ProductImage.width"] },
    height: { fields: ["ProductImage.height"] },
  },
};
