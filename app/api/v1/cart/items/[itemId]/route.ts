export { removeItem as DELETE, setItem as PATCH } from "@/lib/api/v1/cart-handlers";
