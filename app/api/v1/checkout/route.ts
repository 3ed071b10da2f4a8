export { checkout as POST } from "@/lib/api/v1/checkout-handler";
