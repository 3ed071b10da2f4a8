"use client";

import { ErrorNotice } from "@/components/errors/error-notice";

/** An error in a page: the notice inside the frame, so the header's way on stays. */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice {...props} />;
}
