"use client";

import { useFormStatus } from "react-dom";

/** `disabled`: nothing to submit yet (e.g. a sold-out choice); the server still decides either way. */
export function SubmitButton({ children, pendingText, disabled = false }: { children: string; pendingText?: string; disabled?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}
