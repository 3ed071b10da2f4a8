import { randomBytes } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db";
import { addAddress } from "@/lib/dal/accounts/addresses";
import { testUsers } from "@/lib/dal/test-users";

/** One customer's personal data, distinctive enough that a leak of any value shows up in a JSON search. */
export const personalData = {
  name: "Marguerite Okonkwo",
  phone: "+1 555 0142",
  address: {
    recipientName: "Marguerite Okonkwo",
    line1: "742 Evergreen Terrace",
    line2: "Apt 4B",
    city: "Springfield",
    region: "Oregon",
    postalCode: "97403",
    country: "US",
    phone: "+1 555 0199",
    isDefault: true,
  },
};

/**
 * Users for the admin customer suites, and customers carrying personal data:
 * an encrypted phone, an encrypted address and orders. Afterwards the suite's
 * orders, reveal grants and alerts go first, then the users (audit entries
 * stay: the log is append-only).
 */
export function adminCustomerFixtures() {
  const orderIds: string[] = [];
  const users = testUsers({
    mailJobs: true,
    cleanUp: async () => {
      await db.order.deleteMany({ where: { id: { in: orderIds } } });
      await db.piiReveal.deleteMany({ where: { OR: [{ staffId: { in: users.userIds } }, { customerId: { in: users.userIds } }] } });
      await db.securityAlert.deleteMany({ where: { actorId: { in: users.userIds } } });
    },
  });

  async function createCustomer(fields: { name?: string; withPersonalData?: boolean } = {}) {
    const user = await users.createUser({ name: fields.name ?? personalData.name, emailVerifiedAt: new Date() });
    if (fields.withPersonalData !== false) {
      await db.user.update({
        where: { id: user.id },
        data: { phone: encryptField(personalData.phone, { model: "User", field: "phone", ownerId: user.id }) },
      });
      await db.$transaction((tx) => addAddress(tx, user.id, personalData.address));
    }
    return user;
  }

  async function createOrder(userId: string, totalMinor = 4200) {
    const order = await db.order.create({
      data: {
        number: `T${randomBytes(6).toString("hex").toUpperCase()}`,
        userId,
        paymentStatus: "paid",
        currency: "USD",
        subtotalMinor: totalMinor,
        shippingMinor: 0,
        taxMinor: 0,
        totalMinor,
        shippingMethod: "standard",
        shipCountry: "US",
        reservationExpiresAt: new Date(),
      },
      select: { id: true, number: true },
    });
    orderIds.push(order.id);
    return order;
  }

  return { users, createCustomer, createOrder };
}
