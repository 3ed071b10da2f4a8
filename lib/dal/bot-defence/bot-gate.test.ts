import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acknowledgeAlert } from "@/lib/dal/staff/acknowledge-alert";
import { staffFixtures } from "@/lib/dal/staff/test-fixtures";
import { testUsers } from "@/lib/dal/test-users";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { type BotGatedAction, passBotGate } from "./bot-gate";
import { networkOf } from "@/lib/security/detection/network";
import { clientAddressIndexOf } from "@/lib/auth/rate-limit/client-address-index";
import { isBotChallengeRequired } from "./challenge-required";
import { spendBotChallenge } from "./spent-challenges";
import { botAlertFixtures, decodePayload, encodePayload, solvedBotPayload } from "./test-fixtures";

requireTestDatabaseUrl();

const users = testUsers();
const { staffViewer } = staffFixtures(users);
const alerts = botAlertFixtures();

/** A fresh address in its own /48, so no other test's alert covers it. */
function newIp(): string {
  // Four hex digits without a leading zero: the form clientIp and networkOf write addresses in.
  const hex = () => (randomBytes(2).readUInt16BE() | 0x1000).toString(16);
  return alerts.trackIp(`2001:db8:${hex()}:${hex()}::${hex()}`);
}
const context = (ip: string) => ({ ip, userAgent: "vitest bot gate" });
const ACTIONS: BotGatedAction[] = ["sign_in", "sign_up", "guest_checkout", "payment_start"];

describe("the proof-of-work gate (ASVS V2.4.1 anti-automation)", () => {
  it("asks nothing on a normal day: no alert, no challenge, no payload needed", async () => {
    const ip = newIp();
    const user = await users.createUser();
    expect(await isBotChallengeRequired({ ip, userId: user.id })).toBe(false);
    for (const action of ACTIONS) expect(await passBotGate({ action, payload: null, userId: user.id, context: context(ip) })).toEqual({ ok: true });
    expect(await alerts.refusals(ip)).toEqual([]);
  });

  it("is required by an open detection alert on the address, its network or the account, not by other addresses or insider alerts", async () => {
    const [byIp, byNetwork, neighbourNet, other] = [newIp(), newIp(), newIp(), newIp()];
    const user = await users.createUser();
    await alerts.openAlert(`ip:${byIp}`, "credential_stuffing");
    await alerts.openAlert(`net:${networkOf(byNetwork)}`, "card_testing");
    await alerts.openAlert(`user:${user.id}`, "two_factor_guessing");
    // An insider alert (staff activity) is no reason to challenge customers.
    await alerts.openAlert(`ip:${other}`, "bulk_pii_reveal");

    expect(await isBotChallengeRequired({ ip: byIp })).toBe(true);
    expect(await isBotChallengeRequired({ ip: byNetwork.replace(/::[0-9a-f]+$/, "::beef") })).toBe(true);
    expect(await isBotChallengeRequired({ ip: neighbourNet, userId: user.id })).toBe(true);
    expect(await isBotChallengeRequired({ ip: neighbourNet })).toBe(false);
    expect(await isBotChallengeRequired({ ip: other })).toBe(false);
    expect(await isBotChallengeRequired({ ip: "unknown" })).toBe(false);
  });

  it("is required by card testing from one client address, which the rule names by its orders' keyed digest", async () => {
    const [tester, neighbour] = [newIp(), newIp()];
    await alerts.openAlert(`addr:${clientAddressIndexOf(tester)?.slice(0, 16)}`, "card_testing");
    expect(await isBotChallengeRequired({ ip: tester })).toBe(true);
    expect(await isBotChallengeRequired({ ip: neighbour })).toBe(false);
  });

  for (const action of ACTIONS) {
    it(`${action}: refuses a missing, wrong, expired or tampered solution, accepts a solved one once, and records each refusal`, async () => {
      const ip = newIp();
      await alerts.openAlert(`ip:${ip}`);
      const pass = (payload: unknown) => passBotGate({ action, payload, context: context(ip) });

      expect(await pass(null)).toEqual({ ok: false, code: "challenge_required" });
      expect(await pass("")).toEqual({ ok: false, code: "challenge_required" });
      expect(await pass("not base64 json")).toEqual({ ok: false, code: "challenge_invalid" });

      const good = await solvedBotPayload();
      const decoded = decodePayload(good);
      const wrongCounter = encodePayload({ ...decoded, solution: { ...decoded.solution, counter: decoded.solution.counter + 1 } });
      expect(await pass(wrongCounter)).toEqual({ ok: false, code: "challenge_invalid" });
      // An easier challenge made up by the client: the signature no longer matches.
      const tampered = encodePayload({ ...decoded, challenge: { ...decoded.challenge, parameters: { ...decoded.challenge.parameters, keyPrefix: "00" } } });
      expect(await pass(tampered)).toEqual({ ok: false, code: "challenge_invalid" });
      const expired = await solvedBotPayload({ now: new Date(Date.now() - 60 * 60_000) });
      expect(await pass(expired)).toEqual({ ok: false, code: "challenge_invalid" });

      expect(await pass(good)).toEqual({ ok: true });
      // The same solution again (a replay): refused.
      expect(await pass(good)).toEqual({ ok: false, code: "challenge_invalid" });

      const refusals = await alerts.refusals(ip);
      expect(refusals.map((event) => event.details)).toEqual([
        { action, reason: "missing" },
        { action, reason: "missing" },
        { action, reason: "malformed" },
        { action, reason: "wrong" },
        { action, reason: "tampered" },
        { action, reason: "expired" },
        { action, reason: "replayed" },
      ]);
      // Never the payload itself.
      expect(JSON.stringify(refusals)).not.toContain(decoded.challenge.signature);
    });
  }

  it("a solution is spent once even when two requests race with it", async () => {
    const ip = newIp();
    await alerts.openAlert(`ip:${ip}`);
    const payload = await solvedBotPayload();
    const results = await Promise.all([0, 1, 2].map(() => passBotGate({ action: "sign_up", payload, context: context(ip) })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("refuses a challenge of another algorithm or cost (the server never does work the client chose)", async () => {
    const ip = newIp();
    await alerts.openAlert(`ip:${ip}`);
    const decoded = decodePayload(await solvedBotPayload());
    const costly = encodePayload({ ...decoded, challenge: { ...decoded.challenge, parameters: { ...decoded.challenge.parameters, cost: 10_000_000 } } });
    expect(await passBotGate({ action: "sign_in", payload: costly, context: context(ip) })).toEqual({ ok: false, code: "challenge_invalid" });
    expect((await alerts.refusals(ip)).map((event) => event.details)).toEqual([{ action: "sign_in", reason: "malformed" }]);
  });

  it("acknowledging the alert lifts the requirement", async () => {
    const ip = newIp();
    const user = await users.createUser();
    const alertId = await alerts.openAlert(`user:${user.id}`, "card_testing");
    expect(await passBotGate({ action: "payment_start", payload: null, userId: user.id, context: context(ip) })).toEqual({ ok: false, code: "challenge_required" });
    expect((await alerts.refusals(ip))[0]?.userId).toBe(user.id);

    const owner = await staffViewer("owner");
    expect(await acknowledgeAlert(owner, { alertId, note: "Customer confirmed the orders." }, { ...context(ip), requestId: null })).toEqual({ ok: true });
    expect(await passBotGate({ action: "payment_start", payload: null, userId: user.id, context: context(ip) })).toEqual({ ok: true });
  });
});

// Spent challenges are kept only while their challenge could still be accepted: nothing piles up.
describe("spent challenges", () => {
  it("are removed once their challenge has expired", async () => {
    const [old, fresh] = [randomBytes(32).toString("hex"), randomBytes(32).toString("hex")];
    expect(await spendBotChallenge(old, new Date(Date.now() - 1000))).toBe(true);
    expect(await db.spentBotChallenge.count({ where: { digest: old } })).toBe(1);
    expect(await spendBotChallenge(fresh, new Date(Date.now() + 60_000))).toBe(true);
    expect(await db.spentBotChallenge.count({ where: { digest: old } })).toBe(0);
    expect(await spendBotChallenge(fresh, new Date(Date.now() + 60_000))).toBe(false);
    await db.spentBotChallenge.deleteMany({ where: { digest: fresh } });
  });
});
