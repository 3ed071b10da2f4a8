"use client";

import type {} from "altcha/types/react";
import { useEffect, useRef, useState } from "react";

/** The form field the widget fills, as the server reads it (lib/auth/bot-challenge). */
const FIELD = "altcha";
const HINT_ID = "bot-challenge-hint";
const ERROR_ID = "bot-challenge-error";

/** Widget settings: no attribution link to a third party, no pointer tracking, labelled in our words. */
const configuration = JSON.stringify({
  hideFooter: true,
  humanInteractionSignature: false,
  challenge: "/api/altcha/challenge",
});

/**
 * The proof-of-work security check (ALTCHA), shown only while the shop asks
 * this client for one (an open detection alert). The widget is a labelled
 * checkbox, operable by keyboard; ticking it makes the browser solve a
 * puzzle served by this shop, and the solution travels with the form.
 * Errors from the server are announced and linked to the group.
 */
export function BotChallengeField({ errors, resetOn }: { errors?: string[]; resetOn?: unknown }) {
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");
  const widget = useRef<HTMLElement & { reset?: () => void }>(null);
  // A solution is spent by the submission that carried it (even one refused for another reason):
  // after every answer from the server the check starts afresh.
  useEffect(() => widget.current?.reset?.(), [resetOn]);
  useEffect(() => {
    let active = true;
    import("./altcha-loader").then(
      () => active && setStatus("ready"),
      () => active && setStatus("failed"),
    );
    return () => {
      active = false;
    };
  }, []);
  const describedBy = [HINT_ID, errors?.length ? ERROR_ID : null].filter(Boolean).join(" ");
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-neutral-300 p-3" aria-describedby={describedBy} data-testid="bot-challenge">
      <legend className="px-1 font-medium">Security check</legend>
      <p id={HINT_ID} className="text-sm text-neutral-700">
        We have seen unusual activity from your network. Tick the box: your browser solves a short puzzle (a few seconds), then submit the form.
      </p>
      {status === "ready" ? (
        <altcha-widget ref={widget} name={FIELD} configuration={configuration} />
      ) : (
        <p role="status" className="text-sm text-neutral-700">
          {status === "loading" ? "Loading the security check…" : "The security check could not load. Reload the page and try again."}
        </p>
      )}
      {errors?.length ? (
        <p id={ERROR_ID} role="alert" className="text-sm text-danger-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
