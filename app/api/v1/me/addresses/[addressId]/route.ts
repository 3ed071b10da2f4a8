export { showAddress as GET } from "@/lib/api/v1/account-handlers";
