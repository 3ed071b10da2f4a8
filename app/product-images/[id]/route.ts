import { findStaffWithPermission } from "@/lib/guards/staff-guard";
import { getProductImageFile } from "@/lib/dal/catalog/product-images";
import { parseImageQuery } from "@/lib/images/image-width-param";
import { resizeProductImage } from "@/lib/images/resize-product-image";

type Context = { params: Promise<{ id: string }> };

const refusal = (status: 400 | 404, body: string) =>
  new Response(body, { status, headers: { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" } });

/**
 * Serves a product image from the database, as the server re-encoded it, or
 * its copy `?w=<width>` wide for `srcset` (lib/images/responsive-image.ts),
 * stored when it was uploaded (a width at or above the image's own is the
 * image itself: nothing is enlarged).
 * Only the allow-listed widths are produced; any other `w`, or any other query
 * parameter, is refused before the database or the decoder is touched (V5.1.3,
 * resource exhaustion; one URL per width, so caches cannot be bypassed).
 *
 * An image is never changed under its id (a new upload gets a new id and URL),
 * so browsers and CDNs may keep a published product's image, and each of its
 * widths, for a year without asking again. An unpublished product's image goes
 * only to staff who read the catalog, and no cache may keep it (it may be an
 * unannounced product).
 */
export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  if (!/^[a-z0-9]{1,40}$/i.test(id)) return refusal(404, "Not found");
  const width = parseImageQuery(new URL(request.url).searchParams);
  if (!width.ok) return refusal(400, "Unsupported image width");
  const image = await getProductImageFile(id, width.width, () => findStaffWithPermission("products:read"));
  if (!image) return refusal(404, "Not found");
  // Widths are stored with each upload; only an image from before that is scaled here.
  const bytes = image.scaleTo ? await resizeProductImage(image.bytes, image.scaleTo) : image.bytes;
  return new Response(bytes, {
    headers: {
      "content-type": image.contentType,
      "content-length": String(bytes.byteLength),
      "cache-control": image.audience === "public" ? "public, max-age=31536000, immutable" : "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
