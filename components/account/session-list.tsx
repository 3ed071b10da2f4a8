"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { initialActionState } from "@/lib/actions/action-state";
import { revokeOtherSessionsAction, revokeSessionAction, signOutEverywhereAction } from "@/lib/actions/manage-sessions";
import type { CustomerSessionDTO } from "@/lib/dal/sessions/my-sessions";
import { describeUserAgent } from "@/lib/http/user-agent";
import { formatZonedDateTime } from "@/lib/config/formats";

const buttonClass = "min-h-11 rounded border border-neutral-400 px-3 hover:bg-neutral-50";

export function SessionList({ sessions }: { sessions: CustomerSessionDTO[] }) {
  const [revokeState, revoke] = useActionState(revokeSessionAction, initialActionState);
  const [othersState, revokeOthers] = useActionState(revokeOtherSessionsAction, initialActionState);
  const [, signOutEverywhere] = useActionState(signOutEverywhereAction, initialActionState);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={revokeState.message ? revokeState : othersState} />
      <ul aria-label="Signed-in devices" className="flex flex-col gap-2">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-neutral-200 p-3">
            <div>
              <p className="font-medium">
                {session.app ? `Shop app (${describeUserAgent(session.userAgent)})` : describeUserAgent(session.userAgent)}
                {session.current && <span className="ml-2 rounded bg-success-100 px-2 text-sm text-success-900">This device</span>}
              </p>
              <p className="text-sm text-neutral-700">
                Signed in {formatZonedDateTime(session.createdAt)} · last active {formatZonedDateTime(session.lastSeenAt)}
                {session.ip ? ` · IP ${session.ip}` : ""}
              </p>
            </div>
            {!session.current && (
              <form action={revoke}>
                <CsrfField />
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className={buttonClass}>
                  {session.app ? "Sign out this app" : "Sign out this device"}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <form action={revokeOthers}>
          <CsrfField />
          <button type="submit" className={buttonClass}>
            Sign out all other devices
          </button>
        </form>
        <form action={signOutEverywhere}>
          <CsrfField />
          <button type="submit" className={buttonClass}>
            Sign out everywhere
          </button>
        </form>
      </div>
    </div>
  );
}
