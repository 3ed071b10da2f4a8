import type { PublicProductDTO } from "@/lib/dal/catalog/dto";

/** A catalog product as pages receive it, for the SEO helpers' tests. */
export const sampleProduct: PublicProductDTO = {
  slug: "studio-over-ear-headphones",
  name: "Studio Over-Ear Headphones",
  description: "Closed-back <b>over-ear</b>\n headphones.",
  price: { amountMinor: 24900, currency: "USD" },
  imagePath: "/products/studio-over-ear-headphones.svg",
  inStock: true,
  category: { slug: "audio", name: "Audio" },
};
