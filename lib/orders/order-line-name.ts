/**
 * An order line's name as every view of the order shows it (the customer's
 * pages, mail, staff pages, the packing slip, the payment page): the product's
 * name as it was, with the variant's option values when it has any.
 */
export const orderLineName = (item: { productName: string; variantTitle: string }): string =>
  item.variantTitle ? `${item.productName} (${item.variantTitle})` : item.productName;
