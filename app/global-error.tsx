"use client";

import { pageLanguage } from "@/lib/config/formats";

/** Last-resort error page when the root layout itself fails: generic text, no details. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang={pageLanguage}>
      <body>
        <main>
          <h1>Something went wrong</h1>
          <p>Sorry, the shop could not load this page. Please try again in a moment.</p>
          {error.digest && <p>Reference: {error.digest}</p>}
        </main>
      </body>
    </html>
  );
}
