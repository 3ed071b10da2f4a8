import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { robotsRules } from "@/lib/seo/robots-rules";

// Built per request from SITE_URL as the server is configured at run time (a build may not know it).
// It reads no database, so it answers even when the database is down.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return robotsRules(env.SITE_URL);
}
