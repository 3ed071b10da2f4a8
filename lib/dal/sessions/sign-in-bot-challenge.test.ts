import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password/hashing";
import { generateToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { botAlertFixtures, decodePayload, encodePayload, solvedBotPayload } from "@/lib/dal/bot-defence/test-fixtures";
import { throttledTestUsers } from "@/lib/dal/two-factor/sign-in-test-fixtures";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import type { RequestContext } from "@/lib/context/request-context";
import { signInWithPassword } from "./sign-in";

requireTestDatabaseUrl();

const PASSWORD = "correct horse battery staple 42";
const { users, newContext } = throttledTestUsers({ name: "Challenge Tester", userAgent: "vitest sign-in challenge" });
const alerts = botAlertFixtures();

const signIn = (email: string, context: RequestContext, botChallenge?: string, password = PASSWORD) =>
  signInWithPassword({ email, password, persistent: false, deviceId: generateToken(), previousToken: null, context, botChallenge });

const countEvents = (userId: string) =>
  db.securityEvent.groupBy({ by: ["type"], where: { userId }, _count: true }).then((rows) => Object.fromEntries(rows.map((row) => [row.type, row._count])));

describe("sign-in under an open detection alert (V2.4.1)", () => {
  it("needs no challenge on a normal day", async () => {
    const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
    expect((await signIn(user.email, newContext())).ok).toBe(true);
  });

  it("with an alert on the address: refuses without, with a wrong or tampered solution and a replay; accepts a solved one; counts no password guess", async () => {
    const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
    const context = newContext();
    await alerts.openAlert(`ip:${context.ip}`, "credential_stuffing");

    expect(await signIn(user.email, context)).toEqual({ ok: false, reason: "challenge_required" });
    const solved = await solvedBotPayload();
    const decoded = decodePayload(solved);
    const wrong = encodePayload({ ...decoded, solution: { ...decoded.solution, derivedKey: "00".repeat(32) } });
    expect(await signIn(user.email, context, wrong)).toEqual({ ok: false, reason: "challenge_invalid" });
    const tampered = encodePayload({ ...decoded, challenge: { ...decoded.challenge, signature: "ab".repeat(32) } });
    expect(await signIn(user.email, context, tampered)).toEqual({ ok: false, reason: "challenge_invalid" });
    // Refused before the password is tried: no failure counted, nothing opened.
    expect(await countEvents(user.id)).toEqual({ bot_challenge_refused: 3 });

    const result = await signIn(user.email, context, solved);
    expect(result.ok).toBe(true);
    expect(await signIn(user.email, context, solved)).toEqual({ ok: false, reason: "challenge_invalid" });
    expect(await countEvents(user.id)).toMatchObject({ bot_challenge_refused: 4, sign_in_succeeded: 1 });
  });

  it("with an alert on the account: asks for the challenge from any address", async () => {
    const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
    await alerts.openAlert(`user:${user.id}`, "two_factor_guessing");
    expect(await signIn(user.email, newContext())).toEqual({ ok: false, reason: "challenge_required" });
    expect((await signIn(user.email, newContext(), await solvedBotPayload())).ok).toBe(true);
  });

  it("an acknowledged alert asks nothing any more", async () => {
    const user = await users.createUser({ passwordHash: await hashPassword(PASSWORD) });
    const context = newContext();
    const alertId = await alerts.openAlert(`ip:${context.ip}`);
    expect(await signIn(user.email, context)).toEqual({ ok: false, reason: "challenge_required" });
    await db.securityAlert.update({ where: { id: alertId }, data: { acknowledgedAt: new Date() } });
    expect((await signIn(user.email, context)).ok).toBe(true);
  });
});
