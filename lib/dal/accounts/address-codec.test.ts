import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dataClasses } from "@/lib/data-classes/schema-classes";
import { addressCodec, addressFields } from "./address-codec";
import { erasedShippingAddress, openShippingAddress, sealShippingAddress, shippingAddressSelect } from "@/lib/dal/orders/shipping-address";
import { UNREADABLE_VALUE } from "@/lib/crypto/readable-field";

const text = { recipientName: "Jane Roe", line1: "1 Main Street", line2: null, city: "Springfield", region: "OR", postalCode: "97403", phone: "+1 541 555 0199" };
const encryptedOf = (model: string) => dataClasses.encryptedFields().filter((entry) => entry.model === model).map((entry) => entry.field);

describe("the address codecs", () => {
  it("take the address book's and the order snapshot's encrypted fields from the schema", () => {
    expect([...addressFields]).toEqual(encryptedOf("Address"));
    expect(Object.keys(addressCodec.select).sort()).toEqual([...encryptedOf("Address"), "id", "userId"].sort());
    const orderColumns = encryptedOf("Order");
    expect(orderColumns).toHaveLength(addressFields.length);
    for (const column of orderColumns) {
      expect(shippingAddressSelect, column).toHaveProperty(column, true);
      expect(erasedShippingAddress(new Date()), column).toHaveProperty(column, null);
    }
  });

  it("bind each address value to its owner and its row: moved to another address or user, it reads as unreadable", () => {
    const [userId, id] = [randomUUID(), randomUUID()];
    const sealed = addressCodec.seal({ userId, id }, text);
    expect(JSON.stringify(sealed)).not.toContain("Main Street");
    expect(addressCodec.open({ userId, id, ...sealed })).toEqual(text);
    const unreadable = { ...text, line2: null, ...Object.fromEntries(addressFields.filter((field) => text[field] !== null).map((field) => [field, UNREADABLE_VALUE])) };
    expect(addressCodec.open({ userId, id: randomUUID(), ...sealed })).toEqual(unreadable);
    expect(addressCodec.open({ userId: randomUUID(), id, ...sealed })).toEqual(unreadable);
  });

  it("bind an order's snapshot to the order, under the same field list", () => {
    const orderId = randomUUID();
    const sealed = sealShippingAddress(orderId, { ...text, country: "US" });
    expect(openShippingAddress({ id: orderId, addressErasedAt: null, ...sealed })).toEqual({ ...text, country: "US" });
    expect(openShippingAddress({ id: randomUUID(), addressErasedAt: null, ...sealed })?.line1).toBe(UNREADABLE_VALUE);
  });

  it("mask every field for staff until revealed, and never mask the unreadable marker into a look-alike", () => {
    expect(addressCodec.maskForStaff(text, false)).toEqual({
      recipientName: "J••• R•••",
      line1: "•••• Street",
      line2: null,
      city: "S•••",
      region: "O•••",
      postalCode: "•••",
      phone: "•••• ••• 0199",
    });
    expect(addressCodec.maskForStaff(text, true)).toEqual(text);
    expect(addressCodec.maskForStaff({ ...text, line1: UNREADABLE_VALUE }, false).line1).toBe(UNREADABLE_VALUE);
  });
});
