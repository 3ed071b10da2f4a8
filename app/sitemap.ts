import type { MetadataRoute } from "next";
import { listSitemapCatalog } from "@/lib/dal/catalog/sitemap";
import { env } from "@/lib/env";
import { sitemapEntries } from "@/lib/seo/sitemap-entries";

// Read per request: a build has no database to list, and a product staff publish appears at once.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await listSitemapCatalog(), env.SITE_URL);
}
