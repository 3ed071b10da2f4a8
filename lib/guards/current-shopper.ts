import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getCurrentSession } from "@/lib/guards/current-session";
import { cookieNames } from "@/lib/auth/session/cookies";
import type { Shopper } from "@/lib/dal/cart/cart";

/** The current request's shopper (session and guest cart cookie), read once per request. */
export const currentShopper = cache(
  async (): Promise<Shopper> => ({
    session: await getCurrentSession(),
    guestToken: (await cookies()).get(cookieNames.cart)?.value ?? null,
  }),
);
