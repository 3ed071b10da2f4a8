"use client";

import { type FormEvent, useState } from "react";
import { CsrfField } from "@/components/forms/csrf-field";
import { CSRF_FIELD, CSRF_HEADER } from "@/lib/auth/csrf/csrf-names";
import type { CatalogImportReport } from "@/lib/dal/catalog/csv/import";
import { CatalogImportResult } from "./catalog-import-result";

const REFUSALS: Record<string, string> = {
  csrf: "This page has expired: reload it and upload the file again.",
  too_large: "The file is too large: the limit is 64 MB (about 250,000 rows).",
  bad_request: "Choose a CSV file to upload.",
};

type Outcome = { report: CatalogImportReport } | { error: string } | null;

/**
 * Uploads the catalog file to the import's route handler (the body is the file
 * itself, streamed to the server; a server action's body limit is far too
 * small), with the page's anti-CSRF token in a header, and shows the report.
 */
export function CatalogImportForm() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setOutcome({ error: REFUSALS.bad_request ?? "" });
    setBusy(true);
    setOutcome(null);
    try {
      const query = new URLSearchParams({ dryRun: form.get("dryRun") === "on" ? "1" : "0", name: file.name.slice(0, 200) });
      const response = await fetch(`/admin/products/import/upload?${query}`, {
        method: "POST",
        headers: { "content-type": "text/csv", [CSRF_HEADER]: String(form.get(CSRF_FIELD) ?? "") },
        body: file,
      });
      const body = (await response.json().catch(() => null)) as (CatalogImportReport & { error?: string }) | null;
      if (response.ok && body && !body.error) setOutcome({ report: body });
      else setOutcome({ error: REFUSALS[body?.error ?? ""] ?? (response.status === 413 ? REFUSALS.too_large ?? "" : "The import could not be run. Try again later.") });
    } catch {
      setOutcome({ error: "The file could not be sent. Check the connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={(event) => {
          submit(event).catch(() => setBusy(false));
        }}
        className="flex flex-col gap-4" noValidate>
        <CsrfField />
        <label className="flex flex-col gap-1">
          <span className="font-medium">Catalog file (CSV)</span>
          <input type="file" name="file" accept=".csv,text/csv" required className="min-h-11" />
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="dryRun" defaultChecked className="size-5" />
          <span>Dry run: check the file and show what would change, without changing anything</span>
        </label>
        <div>
          <button type="submit" disabled={busy} className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
            {busy ? "Checking…" : "Upload"}
          </button>
        </div>
      </form>
      <div aria-live="polite">{outcome && ("error" in outcome ? <p role="alert" className="text-danger-700">{outcome.error}</p> : <CatalogImportResult report={outcome.report} />)}</div>
    </div>
  );
}
