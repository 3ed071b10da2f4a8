import "server-only";
import { env } from "@/lib/env";
import { shopConfig } from "@/shop.config";
import type { Site } from "./catalog-metadata";

/** The shop as search engines and share cards name it: the configured origin and name. */
export const site: Site = { url: env.SITE_URL, name: env.SHOP_NAME };

/** The shop's own description: the default meta description and the home page's. */
export const SHOP_DESCRIPTION = shopConfig.description;
