import type { ReactNode } from "react";
import { StorefrontFrame } from "@/components/frames/storefront-frame";
import { listCategories } from "@/lib/dal/catalog/products";

/** The storefront frame with the categories its navigation lists: the layout of shop and sign-in pages. */
export async function Storefront({ children }: { children: ReactNode }) {
  return <StorefrontFrame categories={await listCategories()}>{children}</StorefrontFrame>;
}
