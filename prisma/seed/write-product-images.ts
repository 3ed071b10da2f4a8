// Writes public/products/<slug>.svg for every demo product and removes stale SVGs.
// Run: node_modules/.bin/tsx prisma/seed/write-product-images.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedProducts } from "./catalog-data";
import { productImageSvg } from "./product-image";

const outputDir = path.resolve(process.cwd(), "public", "products");

function main(): void {
  mkdirSync(outputDir, { recursive: true });
  const expected = new Set<string>();
  for (const product of seedProducts) {
    const fileName = `${product.slug}.svg`;
    if (product.imagePath !== `/products/${fileName}`) {
      throw new Error(`Unexpected imagePath for ${product.slug}: ${product.imagePath}`);
    }
    expected.add(fileName);
    writeFileSync(path.join(outputDir, fileName), productImageSvg(product), "utf8");
  }
  let removed = 0;
  for (const entry of readdirSync(outputDir)) {
    if (entry.endsWith(".svg") && !expected.has(entry)) {
      rmSync(path.join(outputDir, entry));
      removed += 1;
    }
  }
  console.log(`Wrote ${expected.size} product images to ${outputDir} (removed ${removed} stale).`);
}

main();
