"use client";

import { useState } from "react";

/** Recovery codes, shown once after they are created: copy or download them now. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = `${codes.join("\n")}\n`;
  return (
    <section aria-labelledby="recovery-heading" className="flex flex-col gap-3 rounded border border-warning-300 bg-warning-50 p-4">
      <h3 id="recovery-heading" className="font-semibold">
        Your recovery codes
      </h3>
      <p>Each code signs you in once if you lose your authenticator. Save them now: they will not be shown again.</p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-1 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="min-h-11 rounded border border-neutral-400 bg-white px-3"
          // The browser may refuse the clipboard (no permission): the codes stay on screen and in the download.
          onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? "Copied" : "Copy codes"}
        </button>
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="recovery-codes.txt"
          className="inline-flex min-h-11 items-center rounded border border-neutral-400 bg-white px-3"
        >
          Download as a text file
        </a>
      </div>
    </section>
  );
}
