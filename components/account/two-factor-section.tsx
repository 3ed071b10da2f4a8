"use client";

import { useActionState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import {
  cancelTwoFactorAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  startTwoFactorAction,
  type TwoFactorActionState,
} from "@/lib/actions/two-factor/manage-two-factor";
import type { CustomerTwoFactorStatusDTO } from "@/lib/dal/two-factor/settings";
import { RecoveryCodes } from "./recovery-codes";

const idle: TwoFactorActionState = { status: "idle" };
const buttonClass = "min-h-11 rounded border border-neutral-400 px-3 hover:bg-neutral-50";

/** Groups a base32 key in fours so it can be typed into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export function TwoFactorSection({ status }: { status: CustomerTwoFactorStatusDTO }) {
  const [confirmState, confirm] = useActionState(confirmTwoFactorAction, idle);
  const [manageState, manage] = useActionState(
    async (previous: TwoFactorActionState, formData: FormData) => {
      const intent = formData.get("intent");
      if (intent === "start") return startTwoFactorAction(previous, formData);
      if (intent === "cancel") return cancelTwoFactorAction(previous, formData);
      if (intent === "disable") return disableTwoFactorAction(previous, formData);
      return regenerateRecoveryCodesAction(previous, formData);
    },
    idle,
  );
  const codes = confirmState.recoveryCodes ?? manageState.recoveryCodes;

  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={confirmState.message ? confirmState : manageState} />
      {codes && <RecoveryCodes codes={codes} />}
      {status.enabled ? (
        <>
          <p>Two-factor authentication is on. Signing in needs a code from your authenticator app.</p>
          <p>
            {status.recoveryCodesLeft} unused recovery {status.recoveryCodesLeft === 1 ? "code" : "codes"} left.
          </p>
          <form action={manage} className="flex flex-wrap gap-2">
            <CsrfField />
            <button type="submit" name="intent" value="regenerate" className={buttonClass}>
              Create new recovery codes
            </button>
            <button type="submit" name="intent" value="disable" className={buttonClass}>
              Turn off two-factor authentication
            </button>
          </form>
        </>
      ) : status.enrollment ? (
        <div className="flex flex-col gap-3">
          <p>Scan this code with your authenticator app (Google Authenticator, 1Password, Aegis…), or type the key.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an inline data: URL rendered on the server */}
          <img src={status.enrollment.qrCodeDataUrl} alt="QR code for your authenticator app" width={200} height={200} />
          <p>
            Key: <code data-testid="totp-secret" className="font-mono">{grouped(status.enrollment.secret)}</code>
          </p>
          <form action={confirm} className="flex flex-col gap-3" noValidate>
            <CsrfField />
            <TextField
              label="Authentication code"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              maxLength={20}
              errors={confirmState.fieldErrors?.code}
            />
            <SubmitButton pendingText="Checking…">Turn on two-factor authentication</SubmitButton>
          </form>
          <form action={manage}>
            <CsrfField />
            <button type="submit" name="intent" value="cancel" className={buttonClass}>
              Cancel
            </button>
          </form>
        </div>
      ) : (
        <form action={manage} className="flex flex-col gap-2">
          <CsrfField />
          <p>Protect your account with a code from an authenticator app on your phone, asked for at every sign-in.</p>
          <button type="submit" name="intent" value="start" className={`${buttonClass} self-start`}>
            Set up two-factor authentication
          </button>
        </form>
      )}
    </div>
  );
}
