import { findStaffWithPermission } from "@/lib/guards/staff-guard";
import { getProductImageFile } from "@/lib/dal/catalog/product-images";

type Context = { params: Promise<{ id: string }> };

const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" } });

/**
 * Serves a product image from the database, as the server re-encoded it. An
 * image is never changed under its id (a new upload gets a new id and URL),
 * so browsers and CDNs may keep a published product's image for a year without
 * asking again. An unpublished product's image goes only to staff who read the
 * catalog, and no cache may keep it (it may be an unannounced product).
 */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  if (!/^[a-z0-9]{1,40}$/i.test(id)) return notFound();
  const image = await getProductImageFile(id, () => findStaffWithPermission("products:read"));
  if (!image) return notFound();
  return new Response(image.bytes, {
    headers: {
      "content-type": image.contentType,
      "content-length": String(image.bytes.byteLength),
      "cache-control": image.audience === "public" ? "public, max-age=31536000, immutable" : "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
