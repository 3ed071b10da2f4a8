import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/guards/current-session";
import { requestContext } from "@/lib/auth/request-context";
import { isRecentlyAuthenticated } from "@/lib/auth/step-up";
import { crossSiteRefused, isCrossSiteRequest } from "@/lib/http/same-origin";
import { exportMyData } from "@/lib/dal/privacy/my-data";

const page = "/account/privacy";

/**
 * "Download my data": the signed-in customer's data as a JSON attachment.
 * Route handlers get no page guard, so this one checks the session and the
 * step-up itself (the DAL checks the step-up again).
 */
export async function GET() {
  const requestHeaders = await headers();
  // Only a navigation from this site or a typed URL: another site cannot make
  // a customer's browser fetch (and log) an export. It could not read it anyway.
  if (isCrossSiteRequest(requestHeaders)) return crossSiteRefused();
  const viewer = await getCurrentSession();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
  if (!isRecentlyAuthenticated(viewer)) redirect(`/account/confirm?returnTo=${encodeURIComponent(page)}`);

  const data = await exportMyData(viewer, requestContext(requestHeaders));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="my-data.json"',
      // Personal data: never kept by the browser or a shared cache (ASVS V14.3.2).
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
