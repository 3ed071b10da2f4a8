export { addItem as POST } from "@/lib/api/v1/cart-handlers";
