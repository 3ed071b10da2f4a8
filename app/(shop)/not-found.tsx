import { NotFoundNotice } from "@/components/errors/not-found-notice";

/** notFound() in a page of this frame: the notice inside the frame the layout already drew. */
export default function NotFound() {
  return <NotFoundNotice />;
}
