import type { ReactNode } from "react";
import { Storefront } from "@/app/storefront";

export default function ShopLayout({ children }: { children: ReactNode }) {
  return <Storefront>{children}</Storefront>;
}
