import "server-only";
import { can } from "@/lib/auth/permissions";
import { blindIndex } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/dal/audit/log";
import { normalizeEmail } from "@/lib/accounts/normalize-email";
import type { StaffViewer } from "@/lib/dal/staff/members";
import type { AuditContext } from "@/lib/context/request-context";

export const CUSTOMER_SEARCHED = "customer.searched";

/** How a query is matched: a full email address, or a text that is an order number or a revealed customer's name. */
export type CustomerSearch = { by: "all" } | { by: "email"; email: string } | { by: "text"; text: string };

/** The staff search box's text, classified: anything with an "@" is an email address, compared whole. */
export function parseCustomerSearch(query: string): CustomerSearch {
  const text = query.trim().slice(0, 254);
  if (text === "") return { by: "all" };
  if (text.includes("@")) return { by: "email", email: normalizeEmail(text) };
  return { by: "text", text };
}

/** The customers whose personal data the viewer may see right now (a live reveal grant of their own). */
async function revealedCustomerIds(viewer: StaffViewer, now: Date): Promise<string[]> {
  if (!can(viewer.role, "customers:reveal_pii")) return [];
  const grants = await db.piiReveal.findMany({
    where: { staffId: viewer.userId, expiresAt: { gt: now } },
    distinct: ["customerId"],
    select: { customerId: true },
  });
  return grants.map((grant) => grant.customerId);
}

/**
 * Which customers a search matches. Names are masked for staff, so matching
 * on them would unmask them a letter at a time ("A", "Al", "Ali"…): a text
 * matches an order number exactly, or a name only among the customers whose
 * data the viewer has already revealed (with a reason and a fresh second
 * factor). An email is matched whole, never a part of it.
 */
export async function customerSearchWhere(viewer: StaffViewer, search: CustomerSearch, now: Date): Promise<Prisma.UserWhereInput> {
  if (search.by === "all") return { kind: "customer" };
  if (search.by === "email") return { kind: "customer", email: search.email };
  const revealed = await revealedCustomerIds(viewer, now);
  const byOrder: Prisma.UserWhereInput = { orders: { some: { number: search.text.toUpperCase() } } };
  if (revealed.length === 0) return { kind: "customer", ...byOrder };
  return { kind: "customer", OR: [byOrder, { id: { in: revealed }, name: { contains: search.text, mode: "insensitive" } }] };
}

/** The query's keyed digest: who searched for a given value can be checked with the key, but the log never holds the value. */
function searchDigest(search: Exclude<CustomerSearch, { by: "all" }>): string {
  return blindIndex(search.by === "email" ? search.email : search.text.toLowerCase(), "customer-search");
}

/**
 * Audits a search (browsing the list without a query is not one). The query
 * is personal data, so the entry holds its kind and keyed digest, not its
 * text, with the number of matches; a search that found exactly one customer
 * names them as the target.
 */
export async function auditCustomerSearch(
  viewer: StaffViewer,
  search: CustomerSearch,
  result: { total: number; page: number; onlyMatchId: string | null },
  context: AuditContext,
): Promise<void> {
  if (search.by === "all") return;
  await recordAudit({
    actor: { id: viewer.userId, role: viewer.role },
    action: CUSTOMER_SEARCHED,
    ...(result.onlyMatchId !== null && { target: { type: "user", id: result.onlyMatchId } }),
    after: { by: search.by, queryDigest: searchDigest(search), matches: result.total, page: result.page },
    outcome: "success",
    context,
  });
}
