/**
 * Gives a few demo products a gallery: their illustration (view 0) and one or
 * two further views (prisma/seed/product-image.ts), each rasterised, passed
 * through the same checks and re-encoding as a staff upload, stored with its
 * srcset widths and alt text. Only a product still as seeded gets one (no
 * images yet, its cover still the seed's illustration), so a rerun, or a
 * product staff have already given pictures, is left alone.
 */
import sharp from "sharp";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProductImageRenditionData } from "@/lib/images/product-image-renditions";
import { PRODUCT_IMAGE_WIDTHS } from "@/lib/images/image-widths";
import { productImagePath } from "@/lib/images/product-image-path";
import { makeProductImageRenditions } from "@/lib/images/product-image-renditions";
import { type ReencodedImage, reencodeProductImage } from "@/lib/images/reencode-product-image";
import { productImageSvg } from "./product-image";

/**
 * Each demo gallery: the product's slug, then the alt text of each view in order (view 0 first, the
 * cover). The pictures are the category's emblem, so the text says what is drawn, not what the
 * product looks like. None of these products is featured: the home page's first card, a phone's
 * largest content, stays a static file.
 */
export const seedGalleries: Readonly<Record<string, readonly string[]>> = {
  "stoneware-mug-set": [
    "A white mug with steam rising from it, on a coloured background",
    "A close-up of the mug's body and handle",
  ],
  "ultralight-two-person-tent": [
    "Two white peaks under a sun, the outdoor range's emblem",
    "A close-up of the peaks, tilted",
    "The peaks seen from far away",
  ],
  "merino-wool-hoodie": [
    "A white top laid flat, on a coloured background",
    "A close-up of the top's shoulders and neckline",
  ],
  "solid-oak-monitor-stand": [
    "The home office range's emblem: a white desk lamp beside a bar",
    "A close-up of the lamp emblem's arm and shade",
    "The lamp emblem seen from further back",
  ],
};

/** The 800-unit SVG drawn at the widest srcset width, so every width is a real rendition (never an enlargement). */
async function rasterise(svg: string): Promise<Uint8Array> {
  const width = PRODUCT_IMAGE_WIDTHS.at(-1) ?? 800;
  return new Uint8Array(await sharp(Buffer.from(svg), { density: (72 * width) / 800 }).resize({ width }).png().toBuffer());
}

/** Creates the demo galleries that are missing; returns how many products got one. */
export async function seedGallery(db: PrismaClient): Promise<number> {
  let seeded = 0;
  for (const [slug, alts] of Object.entries(seedGalleries)) {
    const product = await db.product.findUnique({
      where: { slug },
      select: { id: true, name: true, imagePath: true, category: { select: { slug: true } }, _count: { select: { images: true } } },
    });
    if (!product || product._count.images > 0 || product.imagePath !== `/products/${slug}.svg`) continue;
    const images: (ReencodedImage & { alt: string; position: number; renditions: ProductImageRenditionData[] })[] = [];
    for (const [view, alt] of alts.entries()) {
      const processed = await reencodeProductImage(await rasterise(productImageSvg({ slug, name: product.name, categorySlug: product.category.slug }, view)));
      if (!processed.ok) throw new Error(`The demo image ${slug} #${view} was refused: ${processed.code}`);
      images.push({ ...processed.image, alt, position: view, renditions: await makeProductImageRenditions(processed.image) });
    }
    await db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const { renditions, ...image } of images) {
        const row = await tx.productImage.create({ data: { ...image, productId: product.id, renditions: { create: renditions } }, select: { id: true } });
        ids.push(row.id);
      }
      await tx.product.update({ where: { id: product.id }, data: { imagePath: productImagePath(ids[0] ?? "") }, select: { id: true } });
    });
    seeded += 1;
  }
  return seeded;
}
