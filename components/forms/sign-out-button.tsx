"use client";

import { CsrfField } from "./csrf-field";

/** Signing out is a form post with the anti-CSRF token (a link could be followed by another site). */
export function SignOutButton({ className }: { className: string }) {
  return (
    <form action="/sign-out" method="post">
      <CsrfField />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
