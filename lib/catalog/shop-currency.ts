/**
 * The one currency the shop sells in (ISO 4217). Staff enter prices in it and
 * new products are created in it; the product form never carries a currency.
 */
export const SHOP_CURRENCY = "USD";
