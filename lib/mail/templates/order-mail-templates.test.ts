import { describe, expect, it } from "vitest";
import { CARRIER_IDS, trackingUrl } from "@/lib/orders/carriers";
import { newOrderStaffMail, orderCancelled, orderConfirmation, orderDelivered, orderNoticeMail, orderRefunded, orderShipped, returnUpdate } from "./index";

const evil = '<script>alert("x")</script>';
const orderLink = "https://shop.example/account/orders/ord_1?x=1&y=2";
const base = { name: evil, number: "ORD-1A2B3C", orderLink };

const all = {
  shipped: orderShipped({ ...base, carrier: "ups", trackingNumber: "1Z999AA10123456784" }),
  delivered: orderDelivered(base),
  refunded: orderRefunded({ ...base, amountMinor: 1250, currency: "USD", full: false }),
  cancelled: orderCancelled({ ...base, reason: evil }),
  released: orderNoticeMail({ kind: "released" }, { ...base, currency: "USD" }),
  returnRejected: returnUpdate({ ...base, stage: "rejected", reason: evil, currency: "USD" }),
};

describe("customer order mail", () => {
  it.each(Object.entries(all))("%s escapes the name, links to the order and invites questions", (_kind, mail) => {
    expect(mail.subject).toContain("ORD-1A2B3C");
    expect(mail.subject).toContain("Northwind Goods");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.text).toContain(`View your order:\n${orderLink}`);
    expect(mail.html).toContain('href="https://shop.example/account/orders/ord_1?x=1&amp;y=2"');
    expect(mail.text).toContain("Questions? Reply to this mail or write to support@northwind-goods.example.");
    expect(mail.text).toMatch(/You receive this mail because you (placed order|asked to return items from order) ORD-1A2B3C\./);
  });

  it("names the carrier, the tracking number and the carrier's tracking page", () => {
    expect(all.shipped.text).toContain("Carrier: UPS\nTracking number: 1Z999AA10123456784");
    expect(all.shipped.text).toContain("https://www.ups.com/track?tracknum=1Z999AA10123456784");
  });

  it("escapes a hostile tracking number in HTML and encodes it in the tracking URL", () => {
    const mail = orderShipped({ ...base, carrier: "dhl", trackingNumber: `"><img src=x onerror=alert(1)>&a=b` });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;a=b");
    expect(mail.text).toContain("tracking-id=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%26a%3Db");
  });

  it("gives no tracking link for another carrier, but still the number", () => {
    const mail = orderShipped({ ...base, carrier: "other", trackingNumber: "LOCAL-42" });
    expect(mail.text).toContain("Carrier: Other carrier\nTracking number: LOCAL-42");
    expect(mail.text).not.toContain("Track your parcel");
  });

  it("has a tracking URL for every known carrier and none for other", () => {
    for (const carrier of CARRIER_IDS) {
      const url = trackingUrl(carrier, "AB 12/34");
      if (carrier === "other") expect(url).toBeNull();
      else expect(url).toMatch(/^https:\/\/[^ ]+AB%2012%2F34/);
    }
  });

  it("formats a refund and tells a partial refund from a full one", () => {
    expect(all.refunded.subject).toMatch(/^Partial refund for order ORD-1A2B3C/);
    expect(all.refunded.text).toContain("We have refunded $12.50 of order ORD-1A2B3C.");
    const full = orderRefunded({ ...base, amountMinor: 4950, currency: "EUR", full: true });
    expect(full.subject).toMatch(/^Order ORD-1A2B3C refunded/);
    expect(full.text).toContain("€49.50");
    expect(full.text).toContain("refunded in full");
  });

  it("gives the cancellation reason when there is one, and none otherwise", () => {
    expect(all.cancelled.html).toContain("Reason: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(orderCancelled(base).text).not.toContain("Reason:");
  });

  it("words each return stage, with the reason only for a rejection and the amount for a refund", () => {
    const stage = (s: "requested" | "approved" | "received" | "refunded") => returnUpdate({ ...base, stage: s, reason: "ignored", amountMinor: 700, currency: "USD" });
    expect(stage("requested").subject).toMatch(/^We received your return request/);
    expect(stage("approved").subject).toMatch(/^Your return is approved/);
    expect(stage("received").subject).toMatch(/^We received your returned items/);
    expect(stage("refunded").text).toContain("Amount refunded: $7.00");
    expect(stage("approved").text).not.toContain("ignored");
    expect(all.returnRejected.text).toContain("Reason: <script>");
  });

  it("routes each notice to its template", () => {
    const order = { name: "Jane", number: "ORD-9", orderLink, currency: "USD" };
    expect(orderNoticeMail({ kind: "refunded", amountMinor: 100, full: true }, order).subject).toMatch(/^Order ORD-9 refunded/);
    expect(orderNoticeMail({ kind: "delivered" }, order).subject).toMatch(/^Order ORD-9 was delivered/);
    expect(orderNoticeMail({ kind: "released" }, order).subject).toMatch(/^Order ORD-9 is being prepared/);
    expect(orderNoticeMail({ kind: "return", stage: "approved" }, order).subject).toMatch(/^Your return is approved/);
  });

  it("refuses an order link that is not http(s)", () => {
    expect(() => orderDelivered({ ...base, orderLink: "javascript:alert(1)" })).toThrow(/http/);
  });
});

describe("order confirmation totals", () => {
  const confirm = (taxIncluded: boolean) =>
    orderConfirmation({
      name: "Ada",
      number: "ORD-1A2B3C",
      currency: "USD",
      lines: [{ name: "Lamp", quantity: 1, lineTotalMinor: 5000 }],
      totals: { subtotalMinor: 5000, discountMinor: 0, shippingMinor: 500, taxMinor: taxIncluded ? 917 : 1100, totalMinor: taxIncluded ? 5500 : 6600, taxIncluded },
      orderLink: "https://shop.example/account/orders/1",
    }).text;

  it("adds tax before the total, or shows the tax the total includes after it", () => {
    expect(confirm(false)).toContain("Shipping: $5.00\nTax: $11.00\nTotal paid: $66.00");
    expect(confirm(true)).toContain("Shipping: $5.00\nTotal paid: $55.00\nIncluding tax: $9.17");
  });
});

describe("staff new-order mail", () => {
  const mail = newOrderStaffMail({ name: evil, number: "ORD-7", totalMinor: 4950, currency: "USD", itemCount: 3, adminLink: "https://shop.example/admin/orders/ord_7" });

  it("gives the number, the total, the item count and the admin link", () => {
    expect(mail.subject).toMatch(/^New order ORD-7/);
    expect(mail.text).toContain("3 items, $49.50 in total");
    expect(mail.text).toContain("https://shop.example/admin/orders/ord_7");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.text).toContain("switched on new-order notifications");
  });
});
