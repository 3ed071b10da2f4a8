"use client";

import { LockdownBanner } from "@/components/lockdown-banner";
import { useShopper } from "./shopper-provider";

/** The lockdown banner (incident response), from the visitor's summary so shared pages show it too. */
export function LockdownNotice() {
  const message = useShopper().summary?.lockdownMessage;
  return message ? <LockdownBanner message={message} /> : null;
}
