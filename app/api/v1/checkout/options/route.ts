export { checkoutOptions as GET } from "@/lib/api/v1/checkout-handler";
