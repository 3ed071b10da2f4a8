/**
 * The shop's data-handling policy for staff. Every staff member accepts the
 * current version before the admin opens, and again whenever it changes:
 * raise POLICY_VERSION with any change of substance.
 */
export const POLICY_VERSION = "2026-11-21";

export const POLICY_SECTIONS: readonly { heading: string; body: string }[] = [
  {
    heading: "Need to know",
    body: "Open customer records only to serve that customer or the shop. Personal data stays masked unless you have a reason to see it; revealing it asks for that reason, your second factor, and is recorded.",
  },
  {
    heading: "No copies",
    body: "Do not copy personal data out of the admin (screenshots, spreadsheets, personal mail or chat). Exports are for audits and are recorded; large exports alert the owners.",
  },
  {
    heading: "Payments",
    body: "The shop never sees card numbers, and nobody may ask a customer for one. Refunds go through the admin, with a reason.",
  },
  {
    heading: "Your account",
    body: "Your account is yours alone: never share it or your second factor. Sign out on shared devices. Report a lost device or a suspected breach to an owner at once.",
  },
  {
    heading: "Accountability",
    body: "Every change you make, every reveal and every refused attempt is written to a tamper-evident audit log that owners and auditors review.",
  },
];
