import { db } from "@/lib/db";

/** The widths stored for an image, narrowest first (for the image route's tests, which may not touch Prisma). */
export const storedWidthsOf = (imageId: string) =>
  db.productImageRendition.findMany({ where: { imageId }, orderBy: { width: "asc" }, select: { width: true, bytes: true } });

/** Makes an image look as if it was stored before widths were kept with each upload. */
export const forgetStoredWidths = (imageId: string) => db.productImageRendition.deleteMany({ where: { imageId } });
