import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { sweepOldRefusalCounts } from "./refusal-counts";

requireTestDatabaseUrl();

describe("refusal counter retention", () => {
  it("deletes refusal counters older than their retention period and keeps recent ones", async () => {
    const day = 86_400_000;
    const counter = (windowStart: Date) =>
      db.refusalCount.create({
        data: { kind: "access_denied", subject: `retention-${windowStart.getTime()}`, detail: "orders:refund", windowStart, lastAt: windowStart },
        select: { id: true },
      });
    const old = await counter(new Date(Date.now() - 91 * day));
    const recent = await counter(new Date(Date.now() - 89 * day));

    expect(await sweepOldRefusalCounts()).toBeGreaterThanOrEqual(1);
    const left = await db.refusalCount.findMany({ where: { id: { in: [old.id, recent.id] } }, select: { id: true } });
    expect(left).toEqual([recent]);
    await db.refusalCount.delete({ where: { id: recent.id } });
  });
});
