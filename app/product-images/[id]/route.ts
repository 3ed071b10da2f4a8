import { findStaffWithPermission } from "@/lib/guards/staff-guard";
import { getProductImageFile } from "@/lib/dal/catalog/product-images";
import { parseImageQuery } from "@/lib/images/image-width-param";
import { resizeProductImage } from "@/lib/images/resize-product-image";

type Context = { params: Promise<{ id: string }> };

const refusal = (status: 400 | 404, body: string) =>
  new Response(body, { status, headers: { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" } });

/**
 * Serves a product image from the database, as the server re-encoded it, or
 * a copy scaled to `?w=<width>` for `srcset` (lib/images/responsive-image.ts).
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
  const image = await getProductImageFile(id, () => findStaffWithPermission("products:read"));
  if (!image) return refusal(404, "Not found");
  const bytes = width.width ? await resizeProductImage(image.bytes, width.width) : image.bytes;
  return new Response(bytes, {
    headers: {
      "content-type": image.contentType,
      "content-length": String(bytes.byteLength),
      "cache-control": image.audience === "public" ? "public, max-age=31536000, immutable" : "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
