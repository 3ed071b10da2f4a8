import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireTestDatabaseUrl } from "@/lib/dev-db/test-database";
import { findAppSessionByAccessToken } from "@/lib/dal/oauth/access-tokens";
import { listMySessions, revokeMySession } from "@/lib/dal/sessions/my-sessions";
import { type ActiveSession } from "@/lib/dal/sessions/sessions";
import { signedInViewer } from "@/lib/dal/sessions/test-fixtures";
import { testUsers } from "@/lib/dal/test-users";
import { handleAuthorize } from "@/lib/oauth/authorize";
import { authorizeUrl, formRequest, pkcePair, testClient } from "@/lib/oauth/test-support";
import { handleRevokeRequest as revoke } from "@/lib/oauth/revoke-endpoint";
import { handleTokenRequest as token } from "@/lib/oauth/token-endpoint";

requireTestDatabaseUrl();

const context = { ip: "203.0.113.30", userAgent: "vitest oauth" };
const { createUser } = testUsers({ defaults: { name: "OAuth Tester" }, mailJobs: true });
const { clientId, redirectUri } = testClient();

type Tokens = { access_token: string; refresh_token: string; token_type: string; expires_in: number };

async function customer(): Promise<{ userId: string; viewer: ActiveSession }> {
  const user = await createUser({ emailVerifiedAt: new Date() });
  return { userId: user.id, viewer: await signedInViewer(user.id, context) };
}

/** Authorizes as `viewer` and returns the code from the redirect, with the verifier that redeems it. */
async function authorize(viewer: ActiveSession, overrides: Record<string, string | undefined> = {}) {
  const { verifier, challenge } = pkcePair();
  const params = { response_type: "code", client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: "S256", state: "st-123", ...overrides };
  const response = await handleAuthorize(new Request(authorizeUrl(params)), viewer);
  const location = response.headers.get("location") ?? "";
  return { response, location, code: location.startsWith(redirectUri) ? new URL(location).searchParams.get("code") : null, verifier };
}

function exchange(code: string, verifier: string | undefined, extra: Record<string, string> = {}) {
  const form: Record<string, string> = { grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: clientId, ...extra };
  if (verifier !== undefined) form.code_verifier = verifier;
  return token(formRequest("/oauth/token", form));
}

function refresh(refreshToken: string) {
  return token(formRequest("/oauth/token", { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId }));
}

async function signIn() {
  const who = await customer();
  const { code, verifier } = await authorize(who.viewer);
  if (!code) throw new Error("no code");
  const response = await exchange(code, verifier);
  if (response.status !== 200) throw new Error(await response.text());
  return { ...who, code, verifier, tokens: (await response.json()) as Tokens };
}

const events = (userId: string, type: "app_signed_in" | "oauth_refresh_token_reused" | "oauth_code_reused" | "app_signed_out") =>
  db.securityEvent.count({ where: { userId, type } });

/** "The shop app was signed out for your safety" mails queued to the user. */
async function replayMails(userId: string): Promise<number> {
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail' AND data->>'to' = ${email} AND data->>'subject' LIKE 'The shop app was signed out%'`;
  return rows[0]?.n ?? 0;
}

describe("/oauth/authorize", () => {
  it("redirects a signed-in customer back to the app with a code and the state", async () => {
    const { viewer } = await customer();
    const { response, location, code } = await authorize(viewer);
    expect(response.status).toBe(302);
    expect(location.startsWith(`${redirectUri}?`)).toBe(true);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new URL(location).searchParams.get("state")).toBe("st-123");
    // Only the hash is stored.
    await expect(db.oAuthAuthorizationCode.count({ where: { codeHash: code ?? "" } })).resolves.toBe(0);
  });

  it("refuses an unregistered redirect URI without redirecting anywhere", async () => {
    const { viewer } = await customer();
    for (const uri of ["https://evil.example/cb", `${redirectUri}/extra`, `${redirectUri}?x=1`, undefined]) {
      const { response } = await authorize(viewer, { redirect_uri: uri });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(((await response.json()) as { type: string }).type).toBe("urn:shop:problem:invalid-request");
    }
    await expect(db.oAuthAuthorizationCode.count({ where: { userId: viewer.userId } })).resolves.toBe(0);
  });

  it("refuses an unknown client", async () => {
    const { viewer } = await customer();
    const { response } = await authorize(viewer, { client_id: "someone-else" });
    expect(response.status).toBe(400);
  });

  it("requires PKCE with S256: a missing challenge or the plain method is sent back as invalid_request, no code issued", async () => {
    const { viewer } = await customer();
    for (const overrides of [{ code_challenge: undefined }, { code_challenge_method: "plain" }, { code_challenge_method: undefined }, { code_challenge: "short" }]) {
      const { location, code } = await authorize(viewer, overrides);
      expect(code).toBeNull();
      expect(new URL(location).searchParams.get("error")).toBe("invalid_request");
      expect(new URL(location).searchParams.get("state")).toBe("st-123");
    }
    await expect(db.oAuthAuthorizationCode.count({ where: { userId: viewer.userId } })).resolves.toBe(0);
  });

  it("sends a visitor without a session to the shop's sign-in, and back here afterwards", async () => {
    const { challenge } = pkcePair();
    const url = authorizeUrl({ response_type: "code", client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: "S256" });
    const response = await handleAuthorize(new Request(url), null);
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith("/sign-in?callbackUrl=%2Foauth%2Fauthorize%3F")).toBe(true);
  });

  it("refuses a staff account", async () => {
    const staff = await createUser({ kind: "staff", staffRole: "support", emailVerifiedAt: new Date() });
    const viewer = { ...(await signedInViewer(staff.id, context)), audience: "staff" as const };
    const { location, code } = await authorize(viewer);
    expect(code).toBeNull();
    expect(new URL(location).searchParams.get("error")).toBe("access_denied");
  });
});

describe("/oauth/token: authorization code", () => {
  it("gives a 10-minute access token and a refresh token, opens an app session and records app_signed_in", async () => {
    const { userId, viewer, tokens } = await signIn();
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.expires_in).toBeGreaterThanOrEqual(595);
    expect(tokens.expires_in).toBeLessThanOrEqual(600);
    const session = await findAppSessionByAccessToken(tokens.access_token);
    expect(session?.userId).toBe(userId);
    // Carried over from the browser session that approved it.
    expect(session?.assurance.method).toBe(viewer.assurance.method);
    await expect(events(userId, "app_signed_in")).resolves.toBe(1);
    const stored = await db.oAuthToken.findMany({ where: { session: { userId } } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(tokens.access_token);
    expect(JSON.stringify(stored)).not.toContain(tokens.refresh_token);
  });

  it("refuses a missing or wrong verifier and burns the code", async () => {
    const { viewer, userId } = await customer();
    const first = await authorize(viewer);
    const missing = await exchange(first.code ?? "", undefined);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe("invalid_grant");

    const second = await authorize(viewer);
    const wrong = await exchange(second.code ?? "", pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe("invalid_grant");
    // The right verifier no longer helps: a failed attempt consumed the code.
    const late = await exchange(second.code ?? "", second.verifier);
    expect(late.status).toBe(400);
    await expect(db.session.count({ where: { userId, clientId: { not: null } } })).resolves.toBe(0);
  });

  it("refuses a code used twice, ends the session the first use opened and records oauth_code_reused", async () => {
    const { userId, code, verifier, tokens } = await signIn();
    const again = await exchange(code, verifier);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe("invalid_grant");
    expect(await findAppSessionByAccessToken(tokens.access_token)).toBeNull();
    await expect(events(userId, "oauth_code_reused")).resolves.toBe(1);
    await expect(replayMails(userId)).resolves.toBe(1);
  });

  it("refuses a redirect URI that differs from the authorization request's", async () => {
    const { viewer } = await customer();
    const { code, verifier } = await authorize(viewer);
    const response = await exchange(code ?? "", verifier, { redirect_uri: "https://evil.example/cb" });
    expect(response.status).toBe(400);
  });

  it("refuses an expired code", async () => {
    const { viewer } = await customer();
    const { code, verifier } = await authorize(viewer);
    await db.oAuthAuthorizationCode.updateMany({ where: { userId: viewer.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await exchange(code ?? "", verifier);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses a body that is not a form, and one over the limit", async () => {
    const json = await token(new Request(new URL("/oauth/token", "http://localhost"), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(json.status).toBe(415);
    const big = await token(formRequest("/oauth/token", { grant_type: "refresh_token", refresh_token: "x".repeat(20_000) }));
    expect(big.status).toBe(413);
  });
});

describe("/oauth/token: refresh rotation and reuse detection", () => {
  it("rotates the refresh token on every use; the session stays the same", async () => {
    const { userId, tokens } = await signIn();
    const response = await refresh(tokens.refresh_token);
    expect(response.status).toBe(200);
    const next = (await response.json()) as Tokens;
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect(next.access_token).not.toBe(tokens.access_token);
    const first = await findAppSessionByAccessToken(tokens.access_token);
    const second = await findAppSessionByAccessToken(next.access_token);
    expect(second?.sessionId).toBe(first?.sessionId);
    await expect(db.session.count({ where: { userId, clientId: { not: null } } })).resolves.toBe(1);
  });

  it("a rotated refresh token presented again ends the whole family and records oauth_refresh_token_reused", async () => {
    const { userId, tokens } = await signIn();
    const next = (await (await refresh(tokens.refresh_token)).json()) as Tokens;
    const replay = await refresh(tokens.refresh_token);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe("invalid_grant");
    await expect(events(userId, "oauth_refresh_token_reused")).resolves.toBe(1);
    // The customer is told once, in the transaction that ended the session.
    await expect(replayMails(userId)).resolves.toBe(1);
    // Both the legitimate holder's newest tokens and the old ones are dead.
    expect(await findAppSessionByAccessToken(next.access_token)).toBeNull();
    expect((await refresh(next.refresh_token)).status).toBe(400);
  });

  it("two concurrent refreshes with one token: at most one wins", async () => {
    const { tokens } = await signIn();
    const results = await Promise.all([refresh(tokens.refresh_token), refresh(tokens.refresh_token)]);
    expect(results.filter((response) => response.status === 200).length).toBeLessThanOrEqual(1);
  });

  it("refuses an unknown, malformed or expired-session refresh token", async () => {
    expect((await refresh("A".repeat(43))).status).toBe(400);
    expect((await refresh("not a token")).status).toBe(400);
    const { userId, tokens } = await signIn();
    await db.session.updateMany({ where: { userId, clientId: { not: null } }, data: { idleExpiresAt: new Date(Date.now() - 1000) } });
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
  });
});

describe("access tokens and device sessions", () => {
  it("an expired access token is refused", async () => {
    const { userId, tokens } = await signIn();
    await db.oAuthToken.updateMany({ where: { session: { userId } }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });
    expect(await findAppSessionByAccessToken(tokens.access_token)).toBeNull();
  });

  it("the app session is listed on /account/security and ending it there stops the token at once", async () => {
    const { viewer, tokens } = await signIn();
    const listed = await listMySessions(viewer);
    const app = listed.find((session) => session.app);
    expect(app).toBeDefined();
    expect(await findAppSessionByAccessToken(tokens.access_token)).not.toBeNull();
    await expect(revokeMySession(viewer, app?.id ?? "", context)).resolves.toBe(true);
    expect(await findAppSessionByAccessToken(tokens.access_token)).toBeNull();
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
  });

  it("another customer cannot end someone's app session (IDOR)", async () => {
    const victim = await signIn();
    const attacker = await customer();
    const victimApp = (await listMySessions(victim.viewer)).find((session) => session.app);
    await expect(revokeMySession(attacker.viewer, victimApp?.id ?? "", context)).resolves.toBe(false);
    expect(await findAppSessionByAccessToken(victim.tokens.access_token)).not.toBeNull();
  });

  it("/oauth/revoke ends the app session (the app's sign-out) and answers 200 for an unknown token too", async () => {
    const { userId, tokens } = await signIn();
    const response = await revoke(formRequest("/oauth/revoke", { token: tokens.refresh_token, client_id: clientId }));
    expect(response.status).toBe(200);
    expect(await findAppSessionByAccessToken(tokens.access_token)).toBeNull();
    await expect(events(userId, "app_signed_out")).resolves.toBe(1);
    expect((await revoke(formRequest("/oauth/revoke", { token: "B".repeat(43), client_id: clientId }))).status).toBe(200);
    expect((await revoke(formRequest("/oauth/revoke", { token: tokens.access_token, client_id: "other" }))).status).toBe(401);
  });

  it("a cookie session token is never an access token", async () => {
    const user = await createUser({ emailVerifiedAt: new Date() });
    const { token: cookieToken } = await db.$transaction(async (tx) =>
      (await import("@/lib/dal/sessions/sessions")).createSession(tx, { userId: user.id, audience: "customer", persistent: false, context }),
    );
    expect(await findAppSessionByAccessToken(cookieToken)).toBeNull();
  });
});
