import type { ReactNode } from "react";
import { Storefront } from "@/app/storefront";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <Storefront>{children}</Storefront>;
}
