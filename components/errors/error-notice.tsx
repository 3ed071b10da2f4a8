"use client";

/**
 * Unexpected errors: generic text only. The details are in the server log
 * under the digest shown here, never in the page (ASVS V16.5.1).
 */
export function ErrorNotice({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p>Sorry, we could not complete that request. Please try again in a moment.</p>
      {error.digest && <p className="text-sm text-neutral-700">Reference: {error.digest}</p>}
      <p>
        <button type="button" onClick={reset} className="min-h-11 rounded bg-brand-700 px-4 text-white">
          Try again
        </button>
      </p>
    </div>
  );
}
