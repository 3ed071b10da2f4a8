"use client";

import { useCallback, useState } from "react";
import { PasswordStrengthMeter } from "@/components/password-strength-meter";
import { TextField } from "@/components/forms/text-field";

/**
 * A new-password field with the strength meter. Paste and password managers
 * work (NIST 800-63B); the value is never echoed back by the server.
 */
export function NewPasswordField({
  name = "password",
  label = "Password",
  errors,
  userInputs,
}: {
  name?: string;
  label?: string;
  errors?: string[];
  userInputs: string[];
}) {
  const [password, setPassword] = useState("");
  // The input is uncontrolled so React's form reset after an action clears it
  // (a password is never kept); the meter follows that reset.
  const followReset = useCallback((input: HTMLInputElement | null) => {
    const form = input?.form;
    if (!form) return;
    const clear = () => setPassword("");
    form.addEventListener("reset", clear);
    return () => form.removeEventListener("reset", clear);
  }, []);
  return (
    <div className="flex flex-col gap-2">
      <TextField
        label={label}
        name={name}
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words make a strong, memorable password."
        required
        minLength={12}
        maxLength={256}
        errors={errors}
        ref={followReset}
        onChange={(event) => setPassword(event.target.value)}
      />
      <PasswordStrengthMeter password={password} userInputs={userInputs} />
    </div>
  );
}
