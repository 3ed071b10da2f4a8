/**
 * How an alert's subject is shown to staff (admin page and mail): the kind of
 * subject and no more of the personal part than is needed to tell subjects apart.
 * An address keeps its first two octets (or IPv6 groups); a client-address digest
 * is shown short; accounts and staff are named by the page from their id.
 */
export function maskedSubject(subject: string): string {
  const [kind = "", ...rest] = subject.split(":");
  const value = rest.join(":");
  if (kind === "net" || kind === "ip") {
    const v4 = value.match(/^(\d+\.\d+)\./);
    if (v4) return `${kind === "net" ? "network" : "address"} ${v4[1]}.x.x${kind === "net" ? "/24" : ""}`;
    const groups = value.split(":").filter(Boolean).slice(0, 2).join(":");
    return `${kind === "net" ? "network" : "address"} ${groups}:…${kind === "net" ? "/48" : ""}`;
  }
  if (kind === "addr") return `client address #${value.slice(0, 8)}`;
  if (kind === "user") return "a customer account";
  if (kind === "staff") return `a staff member (${rest[1]?.replace("_", " ") ?? "activity"})`;
  return "the whole shop";
}
