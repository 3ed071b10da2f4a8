export { addAddress as POST, listAddresses as GET } from "@/lib/api/v1/account-handlers";
