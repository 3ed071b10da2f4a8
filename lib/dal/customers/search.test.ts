import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { CUSTOMER_SEARCHED } from "./search";
import { listCustomersForStaff } from "./staff-customers";
import { adminCustomerFixtures } from "./test-fixtures";
import type { StaffViewer } from "@/lib/dal/staff/members";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";

requireTestDatabaseUrl();

const { users, createCustomer, createOrder } = adminCustomerFixtures();
const { staffViewer } = staffFixtures(users);
const context = { ip: "192.0.2.62", userAgent: "vitest customer search", requestId: "req-customer-search" };

const search = async (viewer: StaffViewer, query: string) =>
  (await listCustomersForStaff(viewer, { query, page: 1 }, context)).customers.map((row) => row.id);

const searchesBy = (viewer: StaffViewer) =>
  db.auditEntry.findMany({
    where: { actorId: viewer.userId, action: CUSTOMER_SEARCHED },
    orderBy: { id: "asc" },
    select: { actorRole: true, targetType: true, targetId: true, after: true, outcome: true, ip: true, requestId: true },
  });

describe("searching customers does not unmask them", () => {
  it("finds nobody by a part of a masked name, letter by letter or whole", async () => {
    const viewer = await staffViewer("support");
    const alice = await createCustomer({ name: "Alice Smith", withPersonalData: false });
    for (const probe of ["A", "Al", "Ali", "alice", "Smith", "Alice Smith"]) {
      expect(await search(viewer, probe), `"${probe}" found her`).not.toContain(alice.id);
    }
  });

  it("finds a customer by her exact email address or one of her order numbers", async () => {
    const viewer = await staffViewer("support");
    const alice = await createCustomer({ name: "Alice Smith", withPersonalData: false });
    const order = await createOrder(alice.id);
    expect(await search(viewer, ` ${alice.email.toUpperCase()}`)).toEqual([alice.id]);
    expect(await search(viewer, order.number.toLowerCase())).toEqual([alice.id]);
    expect(await search(viewer, order.number.slice(0, -1))).toEqual([]);
  });

  it("matches a name only among customers the viewer has revealed, and never for a role that cannot reveal", async () => {
    const support = await staffViewer("support");
    const auditor = await staffViewer("auditor");
    const alice = await createCustomer({ name: "Alice Smith", withPersonalData: false });
    const expiresAt = new Date(Date.now() + 600_000);
    // A live grant, as revealCustomerPii writes it after a reason and a fresh second factor.
    await db.piiReveal.createMany({
      data: [support, auditor].map((viewer) => ({ staffId: viewer.userId, customerId: alice.id, reason: "search test", expiresAt })),
    });
    expect(await search(support, "Ali")).toEqual([alice.id]);
    // The auditor's role cannot reveal, so a grant row (e.g. from before a demotion) counts for nothing.
    expect(await search(auditor, "Ali")).toEqual([]);
  });

  it("audits every search with the query's digest, never its text", async () => {
    const viewer = await staffViewer("support");
    const alice = await createCustomer({ name: "Alice Smith", withPersonalData: false });
    await search(viewer, "Ali");
    await search(viewer, alice.email);
    await search(viewer, "");

    const entries = await searchesBy(viewer);
    expect(entries).toEqual([
      {
        actorRole: "support",
        targetType: null,
        targetId: null,
        after: { by: "text", queryDigest: expect.stringMatching(/^[0-9a-f]{64}$/), matches: 0, page: 1 },
        outcome: "success",
        ip: context.ip,
        requestId: context.requestId,
      },
      {
        actorRole: "support",
        targetType: "user",
        targetId: alice.id,
        after: { by: "email", queryDigest: expect.stringMatching(/^[0-9a-f]{64}$/), matches: 1, page: 1 },
        outcome: "success",
        ip: context.ip,
        requestId: context.requestId,
      },
    ]);
    const json = JSON.stringify(entries).toLowerCase();
    for (const value of ["ali", alice.email, alice.email.split("@")[0] ?? ""]) expect(json, `logged "${value}"`).not.toContain(value);
  });
});
