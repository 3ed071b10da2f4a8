"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({ children, pendingText }: { children: string; pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="min-h-11 rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {pending ? (pendingText ?? children) : children}
    </button>
  );
}
