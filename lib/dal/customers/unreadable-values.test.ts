import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { getCustomerForStaff } from "./staff-customers";
import { adminCustomerFixtures, personalData } from "./test-fixtures";
import { openShippingAddress, sealShippingAddress } from "@/lib/dal/orders/shipping-address";
import { UNREADABLE_VALUE } from "@/lib/crypto/readable-field";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";

requireTestDatabaseUrl();

const { users, createCustomer } = adminCustomerFixtures();
const { staffViewer } = staffFixtures(users);

/*
 * A stored value that does not decrypt (copied from another row, modified, or
 * under a key no longer configured) shows as UNREADABLE_VALUE; the rest of
 * the page still renders instead of failing as a whole.
 */
describe("values that do not decrypt", () => {
  it("an order's address snapshot with a value copied from another order reads as unreadable, the rest as stored", () => {
    const { country: _country, isDefault: _isDefault, ...address } = personalData.address;
    const snapshot = { ...address, country: "US" };
    const [first, second] = [randomUUID(), randomUUID()];
    const sealedFirst = sealShippingAddress(first, snapshot);
    const sealedSecond = sealShippingAddress(second, { ...snapshot, line1: "1 Other Street" });
    const opened = openShippingAddress({ id: second, addressErasedAt: null, ...sealedSecond, shipLine1: sealedFirst.shipLine1 });
    expect(opened).toMatchObject({ line1: UNREADABLE_VALUE, city: snapshot.city, recipientName: snapshot.recipientName });
  });

  it("staff see an unreadable phone as the marker, not masked into a look-alike value, and the page still loads", async () => {
    const viewer = await staffViewer("support");
    const customer = await createCustomer();
    const other = await createCustomer();
    const foreign = await db.user.findUniqueOrThrow({ where: { id: other.id }, select: { phone: true } });
    await db.user.update({ where: { id: customer.id }, data: { phone: foreign.phone } });
    const dto = await getCustomerForStaff(viewer, customer.id);
    expect(dto?.phone).toBe(UNREADABLE_VALUE);
    expect(dto?.addresses).toHaveLength(1);
  });
});
