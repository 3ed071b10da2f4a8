export { showCart as GET } from "@/lib/api/v1/cart-handlers";
