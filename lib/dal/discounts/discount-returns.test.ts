import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { refundReturn } from "@/lib/dal/payments/return-refunds";
import { requestMyReturn } from "@/lib/dal/orders/returns/request-return";
import { approveReturn, markReturnReceived } from "@/lib/dal/orders/returns/return-steps";
import { listOrderReturnsForStaff } from "@/lib/dal/orders/returns/staff-returns";
import { returnFixtures } from "@/lib/dal/orders/returns/test-fixtures";
import { refundingGateway } from "@/lib/dal/orders/test-fixtures";

requireTestDatabaseUrl();

const { shippedOrder, staffMember } = returnFixtures();
const context = { ip: "192.0.2.74", userAgent: "vitest discount returns", requestId: null };

describe("a return from a discounted order", () => {
  it("refunds at most what the returned units were paid after the discount", async () => {
    // 2 × A at 20.00 and 1 × B at 10.00 (50.00 of goods), with 10.00 (20 %) taken off.
    const order = await shippedOrder();
    const placed = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { totalMinor: true } });
    await db.order.update({ where: { id: order.orderId }, data: { discountMinor: 1000, totalMinor: placed.totalMinor - 1000, capturedMinor: placed.totalMinor - 1000 } });
    const asked = await requestMyReturn(order.buyer, { orderId: order.orderId, units: { [order.itemA]: 2 }, reason: "Both arrived dented" }, context);
    if (!asked.ok) throw new Error(asked.code);
    const admin = await staffMember("admin");
    await approveReturn(admin, asked.returnId, context);
    await markReturnReceived(admin, asked.returnId, context);

    // 40.00 of goods returned, less their 20 % share of the discount: 32.00.
    const [listed] = await listOrderReturnsForStaff(admin, order.orderId);
    expect(listed?.value.amountMinor).toBe(3200);
    const refund = (amountMinor: number) => refundReturn(admin, { returnId: asked.returnId, amountMinor, reason: "Dented on arrival" }, refundingGateway(), context);
    expect(await refund(3201)).toMatchObject({ ok: false, code: "amount_above_value" });
    expect(await refund(3200)).toMatchObject({ ok: true });
  });
});
