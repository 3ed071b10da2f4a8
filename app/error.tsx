"use client";

import { ErrorNotice } from "@/components/errors/error-notice";
import { PlainFrame } from "@/components/frames/plain-frame";

/** An error above every frame (a frame's layout failed): the notice alone. */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PlainFrame>
      <ErrorNotice {...props} />
    </PlainFrame>
  );
}
