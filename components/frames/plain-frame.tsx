import type { ReactNode } from "react";

/** A page outside both frames (the offline payment page, the dev mailbox, errors above every frame): just the main content. */
export function PlainFrame({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
      {children}
    </main>
  );
}
