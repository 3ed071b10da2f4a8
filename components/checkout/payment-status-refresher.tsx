"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page every few seconds while the order waits for the
 * processor's webhook; the server decides what the page says. Stops after a
 * couple of minutes (the page then tells the customer to check back).
 */
export function PaymentStatusRefresher({ intervalMs = 2000, maxTries = 60 }: { intervalMs?: number; maxTries?: number }) {
  const router = useRouter();
  useEffect(() => {
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      if (tries > maxTries) clearInterval(timer);
      else router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs, maxTries]);
  return null;
}
