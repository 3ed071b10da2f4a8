"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireSession } from "@/lib/guards/current-session";
import type { ActionState } from "../action-state";
import { paymentPageFor } from "./start-payment";

/** Reopens the payment page of one of the viewer's unpaid orders (another customer's id gets nowhere). */
export async function payOrderAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const orderId = z.string().min(1).max(40).safeParse(formData.get("orderId"));
  const viewer = await requireSession("/account/orders");
  if (!orderId.success) return { status: "error", message: "Unknown order." };
  const url = await paymentPageFor(viewer, orderId.data);
  if (!url) return { status: "error", message: "This order cannot be paid now: it may have expired, its payment may already be under way, or payments are unavailable. Try again shortly." };
  redirect(url);
}
