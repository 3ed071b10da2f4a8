import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { CUSTOMERS_PER_PAGE, getCustomerForStaff, listCustomersForStaff } from "./staff-customers";
import { adminCustomerFixtures, personalData } from "./test-fixtures";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";

requireTestDatabaseUrl();

const { users, createCustomer, createOrder } = adminCustomerFixtures();
const { staffViewer } = staffFixtures(users);
const context = { ip: "192.0.2.61", userAgent: "vitest admin customers", requestId: "req-admin-customers" };

/** Every raw personal value of the fixture customer, whole and in the parts a mask must not keep. */
const rawValues = [
  personalData.name,
  "Marguerite",
  "Okonkwo",
  personalData.phone,
  "555 0142",
  personalData.address.line1,
  "742",
  "Evergreen",
  personalData.address.line2,
  personalData.address.city,
  personalData.address.region,
  personalData.address.postalCode,
  personalData.address.phone,
  "555 0199",
];

/** "dal-test-0123@example.test" → "d•••@e•••.test" */
const maskedEmail = (email: string) => `${email[0]}•••@e•••.test`;

describe("staff customer DTOs without a reveal grant", () => {
  it("hold only masked personal data, with the documented keys", async () => {
    const viewer = await staffViewer("support");
    const customer = await createCustomer();
    const order = await createOrder(customer.id, 4200);

    const dto = await getCustomerForStaff(viewer, customer.id);
    if (!dto) throw new Error("customer not found");
    expect(Object.keys(dto).sort()).toEqual(
      ["addresses", "email", "emailVerified", "id", "joinedAt", "name", "orderCount", "phone", "recentOrders", "reportedCompromisedAt", "revealedUntil"].sort(),
    );
    expect(dto).toMatchObject({ id: customer.id, name: "M••• O•••", email: maskedEmail(customer.email), phone: "•••• ••• 0142" });
    expect(dto.revealedUntil).toBeNull();
    expect(dto.addresses).toEqual([
      {
        id: expect.any(String),
        recipientName: "M••• O•••",
        line1: "•••• Terrace",
        line2: "••••",
        city: "S•••",
        region: "O•••",
        postalCode: "•••",
        country: "US",
        phone: "•••• ••• 0199",
        isDefault: true,
      },
    ]);
    expect(dto.recentOrders).toEqual([
      { id: order.id, number: order.number, paymentStatus: "paid", fulfillmentStatus: "unfulfilled", total: { amountMinor: 4200, currency: "USD" }, placedAt: expect.any(Date) },
    ]);
    expect(dto.orderCount).toBe(1);

    const json = JSON.stringify(dto);
    for (const value of [...rawValues, customer.email]) expect(json, `leaked "${value}"`).not.toContain(value);
  });

  it("lists customers masked too, with the documented keys", async () => {
    const viewer = await staffViewer("auditor");
    const customer = await createCustomer();
    const page = await listCustomersForStaff(viewer, { query: customer.email, page: 1 }, context);
    expect(page.customers).toHaveLength(1);
    const [row] = page.customers;
    expect(Object.keys(row ?? {}).sort()).toEqual(["email", "id", "joinedAt", "name", "orderCount", "phone", "revealedUntil"]);
    expect(row).toMatchObject({ id: customer.id, name: "M••• O•••", email: maskedEmail(customer.email), phone: "•••• ••• 0142", revealedUntil: null });
    const json = JSON.stringify(page);
    for (const value of [...rawValues, customer.email]) expect(json, `leaked "${value}"`).not.toContain(value);
  });
});

describe("customer search", () => {
  it("matches an email exactly after normalising, never a part of it", async () => {
    const viewer = await staffViewer("support");
    const customer = await createCustomer({ withPersonalData: false });
    const found = await listCustomersForStaff(viewer, { query: `  ${customer.email.toUpperCase()} `, page: 1 }, context);
    expect(found.customers.map((row) => row.id)).toEqual([customer.id]);

    const prefix = customer.email.slice(0, customer.email.indexOf("@") + 4);
    expect((await listCustomersForStaff(viewer, { query: prefix, page: 1 }, context)).total).toBe(0);
    // Without an "@" the text is a name search: the email's local part finds nobody.
    expect((await listCustomersForStaff(viewer, { query: customer.email.split("@")[0] ?? "", page: 1 }, context)).total).toBe(0);
  });

  it("finds revealed customers' names containing the text, 50 to a page, customers only", async () => {
    const viewer = await staffViewer("support");
    const token = randomBytes(5).toString("hex");
    const customers = [];
    for (let i = 0; i < CUSTOMERS_PER_PAGE + 1; i += 1) customers.push(await createCustomer({ name: `Paging ${token} Person ${i}`, withPersonalData: false }));
    const staff = await users.createUser({ kind: "staff", name: `Paging ${token} Staff` });
    // Names are searched only among customers the viewer has revealed (admin-customer-search.test.ts).
    const expiresAt = new Date(Date.now() + 600_000);
    await db.piiReveal.createMany({
      data: [...customers, staff].map((customer) => ({ staffId: viewer.userId, customerId: customer.id, reason: "paging test", expiresAt })),
    });

    const first = await listCustomersForStaff(viewer, { query: token.toUpperCase(), page: 1 }, context);
    expect(first.total).toBe(CUSTOMERS_PER_PAGE + 1);
    expect(first.pages).toBe(2);
    expect(first.customers).toHaveLength(CUSTOMERS_PER_PAGE);
    const second = await listCustomersForStaff(viewer, { query: token, page: 2 }, context);
    expect(second.customers).toHaveLength(1);
    const ids = new Set([...first.customers, ...second.customers].map((row) => row.id));
    expect(ids.size).toBe(CUSTOMERS_PER_PAGE + 1);
  });
});

describe("access to customers", () => {
  it("answers null for a staff account's id and an unknown id", async () => {
    const viewer = await staffViewer("support");
    const colleague = await staffViewer("fulfilment");
    expect(await getCustomerForStaff(viewer, colleague.userId)).toBeNull();
    expect(await getCustomerForStaff(viewer, "c0000000000000000000unknown")).toBeNull();
  });

  it("refuses a role without customers:read", async () => {
    const viewer = await staffViewer("fulfilment");
    const customer = await createCustomer({ withPersonalData: false });
    await expect(getCustomerForStaff(viewer, customer.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listCustomersForStaff(viewer, { query: "", page: 1 }, context)).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
