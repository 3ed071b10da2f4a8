import { NotFoundNotice } from "@/components/errors/not-found-notice";
import { Storefront } from "./storefront";

/**
 * An address no route matches: only the root layout is around it, so it
 * brings the storefront's frame. A page's notFound() inside a frame is
 * answered by that frame's own not-found (the shop, sign-in and admin groups),
 * so the frame is never drawn twice.
 */
export default function NotFound() {
  return (
    <Storefront>
      <NotFoundNotice />
    </Storefront>
  );
}
