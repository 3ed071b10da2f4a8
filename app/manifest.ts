import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { shopConfig } from "@/shop.config";

/**
 * The web app manifest: the storefront installs on a phone's home screen.
 * There is deliberately no service worker: nothing personal (account, cart,
 * orders) is ever cached on the device by the shop.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: env.SHOP_NAME,
    short_name: env.SHOP_NAME.slice(0, 12),
    description: shopConfig.description,
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: shopConfig.theme.colors.neutral[50],
    theme_color: shopConfig.theme.colors.neutral[700],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
