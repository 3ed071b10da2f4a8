import type { PublicProductPageDTO } from "@/lib/dal/catalog/dto";

/** A catalog product as its page receives it (one variant, no options), for the SEO helpers' tests. */
export const sampleProduct: PublicProductPageDTO = {
  id: "prod_1",
  slug: "studio-over-ear-headphones",
  name: "Studio Over-Ear Headphones",
  description: "Closed-back <b>over-ear</b>\n headphones.",
  price: { amountMinor: 24900, currency: "USD" },
  priceVaries: false,
  imagePath: "/products/studio-over-ear-headphones.svg",
  inStock: true,
  category: { slug: "audio", name: "Audio" },
  metaTitle: null,
  metaDescription: null,
  options: [],
  variants: [
    {
      id: "var_1",
      sku: "STUDIO-OVER-EAR-HEADPHONES",
      optionValues: [],
      price: { amountMinor: 24900, currency: "USD" },
      compareAtPrice: null,
      availability: { status: "in_stock" },
      maxQuantity: 10,
    },
  ],
};
