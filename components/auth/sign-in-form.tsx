"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { BotChallengeField } from "@/components/forms/bot-challenge-field";
import { FormMessage } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";

function messageFor(error: string | null, status: number): string {
  if (status === 429 || error?.startsWith("RateLimited")) {
    const seconds = Number(error?.split(":")[1] ?? 60) || 60;
    return `Too many attempts. Try again in ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}.`;
  }
  if (error === "PasswordResetRequired") {
    return "This account was locked after a report that someone else used it. Choose a new password with the link we emailed you, or use \"Forgot your password?\" below.";
  }
  if (error === "ChallengeRequired") return "Please complete the security check below, then sign in again.";
  if (error === "ChallengeInvalid") return "The security check did not go through or has expired. Run it again, then sign in.";
  if (error === "Busy") return "The shop is busy. Please try again in a moment.";
  if (status === 503 || error === "Unavailable") return "Sign-in is temporarily unavailable. Please try again in a moment.";
  return "Invalid email or password.";
}

const CHALLENGE_ERRORS = new Set(["ChallengeRequired", "ChallengeInvalid"]);

/**
 * Sign-in through next-auth's credentials endpoint; keeps the email on failure, never the password.
 * The security check shows when the page asks for it (`challengeRequired`) or the server refused without it.
 */
export function SignInForm({ callbackUrl, challengeRequired = false }: { callbackUrl: string; challengeRequired?: boolean }) {
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [showChallenge, setShowChallenge] = useState(challengeRequired);
  const [challengeError, setChallengeError] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setMessage(null);
    const result = await signIn("credentials", {
      redirect: false,
      email,
      password: String(form.get("password") ?? ""),
      remember: form.get("remember") === "on" ? "on" : "false",
      altcha: String(form.get("altcha") ?? ""),
      callbackUrl,
    });
    if (result?.ok && !result.error) {
      // The challenge page sends a complete sign-in straight on, and asks for the code otherwise.
      // A full navigation, not router.push: the layout (header) must render again with the new session.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/sign-in/two-factor?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      return;
    }
    const error = result?.error ?? null;
    setMessage(messageFor(error, result?.status ?? 401));
    const challengeRefused = error !== null && CHALLENGE_ERRORS.has(error);
    if (challengeRefused) setShowChallenge(true);
    setChallengeError(challengeRefused ? messageFor(error, 401) : null);
    setAttempts((count) => count + 1);
    const password = formElement.elements.namedItem("password");
    if (password instanceof HTMLInputElement) password.value = "";
    setPending(false);
  }

  // React does not await a submit handler: a request that fails outright (network down, an answer
  // that is not next-auth's JSON) ends here, with a message and the button back, not a stuck form.
  function onSubmitEvent(event: React.FormEvent<HTMLFormElement>) {
    void onSubmit(event).catch(() => {
      setMessage(messageFor("Unavailable", 503));
      setPending(false);
    });
  }

  return (
    <form onSubmit={onSubmitEvent} className="flex flex-col gap-4" noValidate>
      <FormMessage state={{ status: message ? "error" : "idle", message: message ?? undefined }} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required maxLength={1024} />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="remember" className="size-5" />
        Remember me on this device
      </label>
      {showChallenge && <BotChallengeField errors={challengeError ? [challengeError] : undefined} resetOn={attempts} />}
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
