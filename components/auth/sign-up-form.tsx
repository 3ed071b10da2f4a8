"use client";

import { useActionState, useState } from "react";
import { BotChallengeField } from "@/components/forms/bot-challenge-field";
import { CsrfField } from "@/components/forms/csrf-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { EmailField } from "@/components/forms/email-field";
import { TextField } from "@/components/forms/text-field";
import { initialActionState } from "@/lib/actions/action-state";
import { signUpAction } from "@/lib/actions/sign-up";
import { NewPasswordField } from "./password-field";

/** `challengeRequired`: show the security check from the start (the server asks for it again when needed). */
export function SignUpForm({ shopName, challengeRequired = false }: { shopName: string; challengeRequired?: boolean }) {
  const [state, formAction] = useActionState(signUpAction, initialActionState);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <CsrfField />
      <FormMessage state={state} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={state.values?.name}
        onChange={(event) => setName(event.target.value)}
        errors={state.fieldErrors?.name}
      />
      <EmailField
        defaultValue={state.values?.email}
        onChange={(event) => setEmail(event.target.value)}
        errors={state.fieldErrors?.email}
      />
      <NewPasswordField errors={state.fieldErrors?.password} userInputs={[name, email, shopName]} />
      {(challengeRequired || state.fieldErrors?.altcha) && <BotChallengeField errors={state.fieldErrors?.altcha} resetOn={state} />}
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
    </form>
  );
}
