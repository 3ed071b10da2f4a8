// The demo products that come in options (size, colour, capacity…): each variant's values, and
// its price where it differs from the product's and its stock. The rest of the demo products
// have one variant each.

export type SeedVariant = { values: string[]; stock: number; priceMinor?: number; compareAtPriceMinor?: number };

export type SeedProductOptions = { options: { name: string; values: string[] }[]; variants: SeedVariant[] };

const sizes = ["S", "M", "L", "XL"];

/** Every combination of the options' values, with stock from `stockOf` (some sold out, some low, to show each state). */
function everyCombination(options: { name: string; values: string[] }[], stockOf: (index: number) => number): SeedVariant[] {
  const combinations = options.reduce<string[][]>((rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])), [[]]);
  return combinations.map((values, index) => ({ values, stock: stockOf(index) }));
}

const tshirtOptions = [
  { name: "Size", values: sizes },
  { name: "Colour", values: ["Black", "Sand", "Sage"] },
];
const hoodieOptions = [
  { name: "Size", values: sizes },
  { name: "Colour", values: ["Charcoal", "Forest"] },
];

export const seedProductOptions: Readonly<Record<string, SeedProductOptions>> = {
  "organic-cotton-t-shirt": { options: tshirtOptions, variants: everyCombination(tshirtOptions, (i) => (i === 4 ? 0 : i === 7 ? 3 : 20 + i)) },
  "merino-wool-hoodie": { options: hoodieOptions, variants: everyCombination(hoodieOptions, (i) => (i === 6 ? 0 : 12 + i)) },
  "waterproof-rain-jacket": {
    options: [{ name: "Size", values: sizes }],
    variants: sizes.map((size, i) => ({ values: [size], stock: i === 3 ? 2 : 15 })),
  },
  "everyday-chino-trousers": {
    options: [
      { name: "Waist", values: ["30", "32", "34", "36"] },
      { name: "Leg", values: ["30", "32", "34"] },
    ],
    variants: everyCombination(
      [
        { name: "Waist", values: ["30", "32", "34", "36"] },
        { name: "Leg", values: ["30", "32", "34"] },
      ],
      (i) => 8 + (i % 5),
    ),
  },
  "merino-hiking-socks": {
    options: [{ name: "Size", values: ["S", "M", "L"] }],
    variants: [
      { values: ["S"], stock: 40 },
      { values: ["M"], stock: 60 },
      { values: ["L"], stock: 35 },
    ],
  },
  "recycled-canvas-cap": {
    options: [{ name: "Colour", values: ["Navy", "Olive", "Stone"] }],
    variants: [
      { values: ["Navy"], stock: 25 },
      { values: ["Olive"], stock: 18 },
      { values: ["Stone"], stock: 0 },
    ],
  },
  "studio-over-ear-headphones": {
    options: [{ name: "Colour", values: ["Black", "Silver"] }],
    variants: [
      { values: ["Black"], stock: 34 },
      { values: ["Silver"], stock: 12, priceMinor: 22900, compareAtPriceMinor: 24900 },
    ],
  },
  "insulated-water-bottle": {
    options: [{ name: "Capacity", values: ["500 ml", "750 ml", "1 l"] }],
    variants: [
      { values: ["500 ml"], stock: 45 },
      { values: ["750 ml"], stock: 30, priceMinor: 3400 },
      { values: ["1 l"], stock: 4, priceMinor: 3900 },
    ],
  },
};

/** A variant's SKU from its product's slug and its values: "ORGANIC-COTTON-T-SHIRT-M-BLACK". */
export function seedSku(slug: string, values: readonly string[]): string {
  return [slug, ...values].join("-").toUpperCase().replace(/[^A-Z0-9]+/g, "-").replace(/-+$/, "").slice(0, 64);
}
