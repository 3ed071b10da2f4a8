import { shopConfig } from "@/shop.config";

/**
 * The one currency the shop sells in (ISO 4217, from shop.config.ts). Staff
 * enter prices in it and new products are created in it; the product form
 * never carries a currency.
 */
export const SHOP_CURRENCY: string = shopConfig.currency;
