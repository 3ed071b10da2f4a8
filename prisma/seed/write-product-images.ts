// Writes public/products/<slug>.svg for every demo product, a WebP copy of it at each srcset width
// (<slug>-<width>.webp, see lib/images/responsive-image.ts), the same widths of the placeholder, and
// removes stale files. Run: npm run images:generate
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { PRODUCT_IMAGE_WIDTHS } from "@/lib/images/image-widths";
import { seedProducts } from "./catalog-data";
import { productImageSvg } from "./product-image";

const publicDir = path.resolve(process.cwd(), "public");
const outputDir = path.join(publicDir, "products");

/** Rasterises an 800 px SVG at each allowed width (the density draws it at that width, not scaled from 800). */
async function writeWidths(svg: string, basePath: string): Promise<string[]> {
  const written: string[] = [];
  for (const width of PRODUCT_IMAGE_WIDTHS) {
    const file = `${basePath}-${width}.webp`;
    await sharp(Buffer.from(svg), { density: (72 * width) / 800 })
      .resize({ width })
      .webp({ quality: 80 })
      .toFile(file);
    written.push(path.basename(file));
  }
  return written;
}

async function main(): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  const expected = new Set<string>();
  for (const product of seedProducts) {
    const fileName = `${product.slug}.svg`;
    if (product.imagePath !== `/products/${fileName}`) {
      throw new Error(`Unexpected imagePath for ${product.slug}: ${product.imagePath}`);
    }
    expected.add(fileName);
    const svg = productImageSvg(product);
    writeFileSync(path.join(outputDir, fileName), svg, "utf8");
    for (const name of await writeWidths(svg, path.join(outputDir, product.slug))) expected.add(name);
  }
  await writeWidths(readFileSync(path.join(publicDir, "product-placeholder.svg"), "utf8"), path.join(publicDir, "product-placeholder"));
  let removed = 0;
  for (const entry of readdirSync(outputDir)) {
    if (/\.(svg|webp)$/.test(entry) && !expected.has(entry)) {
      rmSync(path.join(outputDir, entry));
      removed += 1;
    }
  }
  console.log(`Wrote ${seedProducts.length} product images and their widths to ${outputDir} (removed ${removed} stale).`);
}

await main();
