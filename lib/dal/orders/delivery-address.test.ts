import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { PermissionDeniedError } from "@/lib/dal/staff/permission";
import type { StaffRoleName } from "@/lib/auth/permissions";
import { getDeliveryAddressForFulfilment, ORDER_ADDRESS_VIEWED, recordAddressView } from "./delivery-address";
import { getPackingSlip, PackingSlipError } from "./packing-slip";
import { getOrderForStaff } from "./staff-orders";
import { placeOrder } from "./orders";
import { orderFixtures, testAddress, testCheckoutSettings } from "./test-fixtures";

requireTestDatabaseUrl();

const { createProduct, customer, staffMember, fillCart } = orderFixtures();
const context = { ip: "192.0.2.94", userAgent: "vitest delivery address", requestId: "req-delivery-address" };

type Statuses = { paymentStatus?: "paid" | "cancelled" | "pending"; fulfillmentStatus?: "unfulfilled" | "packed" | "shipped" | "delivered" };

async function order({ paymentStatus = "paid", fulfillmentStatus = "unfulfilled" }: Statuses = {}) {
  const buyer = await customer();
  const product = await createProduct({ stock: 6, priceMinor: 4321 });
  await fillCart(buyer.userId, [{ variantId: product.variantId, quantity: 2 }]);
  const { orderId } = await placeOrder(buyer, { shippingRateId: "express", address: { newAddress: testAddress, save: false } }, testCheckoutSettings);
  await db.order.update({ where: { id: orderId }, data: { paymentStatus, fulfillmentStatus, capturedMinor: paymentStatus === "paid" ? 9000 : 0 } });
  return { orderId, productName: product.name };
}

const addressViews = (orderId: string) => db.auditEntry.findMany({ where: { action: ORDER_ADDRESS_VIEWED, targetType: "order", targetId: orderId }, orderBy: { id: "asc" } });
const personal = [testAddress.recipientName, testAddress.line1, testAddress.postalCode, testAddress.phone];

describe("the delivery address of an order to ship", () => {
  it("is shown in full to fulfilment, phone included, and each view is audited without the address", async () => {
    const { orderId } = await order({ fulfillmentStatus: "packed" });
    const fulfilment = await staffMember("fulfilment");
    expect((await getOrderForStaff(fulfilment, orderId))?.actions).toMatchObject({ viewAddress: true, packingSlip: true });
    const address = await getDeliveryAddressForFulfilment(fulfilment, orderId, context);
    expect(address).toMatchObject({ recipientName: "Ada Shopper", line1: "221 Baker Street", city: "Springfield", postalCode: "62704", phone: "+1 555 0199", country: "US" });
    const views = await addressViews(orderId);
    expect(views).toMatchObject([{ actorId: fulfilment.userId, actorRole: "fulfilment", outcome: "success", after: { view: "order_page" } }]);
    const stored = JSON.stringify(views.map(({ id: _id, ...entry }) => entry));
    for (const value of personal) expect(stored).not.toContain(value);
  });

  it("writes one entry per staff member and order within the window, however often the page is reloaded", async () => {
    const first = await order();
    const second = await order();
    const fulfilment = await staffMember("fulfilment");
    const colleague = await staffMember("fulfilment");
    for (let i = 0; i < 5; i += 1) await getDeliveryAddressForFulfilment(fulfilment, first.orderId, context);
    await getPackingSlip(fulfilment, first.orderId, context);
    await getDeliveryAddressForFulfilment(colleague, first.orderId, context);
    await getDeliveryAddressForFulfilment(fulfilment, second.orderId, context);
    expect((await addressViews(first.orderId)).map((entry) => entry.actorId)).toEqual([fulfilment.userId, colleague.userId]);
    expect(await addressViews(second.orderId)).toHaveLength(1);
  });

  it.each<StaffRoleName>(["support", "auditor", "catalog_manager"])("stays masked for %s, who is refused the full address", async (role) => {
    const { orderId } = await order();
    const viewer = await staffMember(role);
    const detail = await getOrderForStaff(viewer, orderId);
    expect(detail?.actions).toMatchObject({ viewAddress: false, packingSlip: false });
    for (const value of personal) expect(JSON.stringify(detail)).not.toContain(value);
    await expect(getDeliveryAddressForFulfilment(viewer, orderId, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await addressViews(orderId)).toEqual([]);
  });

  it.each<Statuses>([{ fulfillmentStatus: "shipped" }, { fulfillmentStatus: "delivered" }, { paymentStatus: "pending" }, { paymentStatus: "cancelled" }])(
    "stays masked for fulfilment once the order is not to ship (%j)",
    async (statuses) => {
      const { orderId } = await order(statuses);
      const fulfilment = await staffMember("fulfilment");
      const detail = await getOrderForStaff(fulfilment, orderId);
      expect(detail?.actions.viewAddress).toBe(false);
      expect(detail?.shipTo?.name).toBe("A••• S•••");
      expect(await getDeliveryAddressForFulfilment(fulfilment, orderId, context)).toBeNull();
      expect(await addressViews(orderId)).toEqual([]);
    },
  );

  it(`raises one alert when a staff member opens more than ALERT_ADDRESS_VIEWS_PER_HOUR orders' addresses in an hour`, async () => {
    const fulfilment = await staffMember("fulfilment");
    const limit = env.ALERT_ADDRESS_VIEWS_PER_HOUR;
    const alerts = () => db.securityAlert.findMany({ where: { actorId: fulfilment.userId } });
    const since = new Date(Date.now() - 1000);
    // Order ids of this test alone: the count is of distinct orders viewed, whatever they are.
    const ids = Array.from({ length: limit + 2 }, (_, i) => `vitest-view-${fulfilment.userId}-${i}`);
    for (const id of ids.slice(0, limit)) await recordAddressView(fulfilment, id, "order_page", context);
    await recordAddressView(fulfilment, ids[0]!, "packing_slip", context);
    expect(await alerts()).toEqual([]);
    await recordAddressView(fulfilment, ids[limit]!, "order_page", context);
    await recordAddressView(fulfilment, ids[limit + 1]!, "order_page", context);
    const raised = await alerts();
    expect(raised).toMatchObject([{ kind: "bulk_pii_reveal", details: { orders: limit + 1, limit } }]);
    // The alert mailed the owners; its mail jobs go with the test.
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'mail' AND data->>'text' LIKE '%opened the delivery addresses of%' AND created_on >= ${since}`;
  });
});

describe("the packing slip", () => {
  it("shows where the parcel goes and what is in it, never prices, and is audited", async () => {
    const { orderId, productName } = await order();
    const fulfilment = await staffMember("fulfilment");
    const result = await getPackingSlip(fulfilment, orderId, context);
    if (!result.ok) throw new Error(result.code);
    expect(result.slip).toMatchObject({ shippingMethod: "Express", lines: [{ name: productName, quantity: 2 }], shipTo: { line1: testAddress.line1, phone: testAddress.phone } });
    expect(Object.keys(result.slip).sort()).toEqual(["fulfillmentStatus", "id", "lines", "number", "placedAt", "shipTo", "shippingMethod"]);
    expect(JSON.stringify(result.slip)).not.toMatch(/4321|8642|9000|Minor|card/i);
    expect(await addressViews(orderId)).toMatchObject([{ actorId: fulfilment.userId, after: { view: "packing_slip" } }]);
  });

  it("is printed again after shipping, but not for an unpaid or delivered order, nor an unknown one", async () => {
    const fulfilment = await staffMember("fulfilment");
    expect((await getPackingSlip(fulfilment, (await order({ fulfillmentStatus: "shipped" })).orderId, context)).ok).toBe(true);
    for (const statuses of [{ paymentStatus: "pending" }, { fulfillmentStatus: "delivered" }] as const) {
      const { orderId } = await order(statuses);
      expect(await getPackingSlip(fulfilment, orderId, context)).toEqual({ ok: false, code: PackingSlipError.notShippable });
      expect(await addressViews(orderId)).toEqual([]);
    }
    expect(await getPackingSlip(fulfilment, "no-such-order", context)).toEqual({ ok: false, code: PackingSlipError.notFound });
  });

  it.each<StaffRoleName>(["support", "auditor", "catalog_manager"])("is refused to %s, and nothing is shown or audited as viewed", async (role) => {
    const { orderId } = await order();
    await expect(getPackingSlip(await staffMember(role), orderId, context)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await addressViews(orderId)).toEqual([]);
  });
});
