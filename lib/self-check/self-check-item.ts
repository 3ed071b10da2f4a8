/** One line of the self-check: what was checked, how it stands, and how to put it right. */
export type SelfCheckStatus = "ok" | "warn" | "fail";

export type SelfCheckItem = {
  id: string;
  label: string;
  status: SelfCheckStatus;
  /** What was found (never a secret's value). */
  detail: string;
  /** One line telling the operator what to do; empty when the item is ok. */
  fix: string;
};

export function item(id: string, label: string, status: SelfCheckStatus, detail: string, fix = ""): SelfCheckItem {
  return { id, label, status, detail, fix: status === "ok" ? "" : fix };
}

/** Problems a production shop must not run with; elsewhere (a laptop, the demo, tests) they are warnings. */
export function failInProduction(production: boolean): SelfCheckStatus {
  return production ? "fail" : "warn";
}
