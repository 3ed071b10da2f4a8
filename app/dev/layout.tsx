import type { ReactNode } from "react";
import { PlainFrame } from "@/components/frames/plain-frame";

export default function Layout({ children }: { children: ReactNode }) {
  return <PlainFrame>{children}</PlainFrame>;
}
