export { listProducts as GET } from "@/lib/api/v1/catalog-handlers";
