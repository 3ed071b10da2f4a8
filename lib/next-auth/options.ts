import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { botChallengeFieldSchema } from "@/lib/auth/bot-challenge/challenge";
import { findActiveSession, revokeSessionByToken } from "@/lib/dal/sessions/sessions";
import { signInWithPassword } from "@/lib/dal/sessions/sign-in";
import { safeAuthRedirect } from "@/lib/http/safe-redirect";
import { logger } from "@/lib/log/logger";
import { currentDeviceId, offerDeviceCookie } from "@/lib/auth/device-context";
import { baseCookieOptions, cookieNames } from "@/lib/auth/session/cookies";
import { longestSessionSeconds } from "@/lib/auth/session/lifetimes";
import { cookieFromHeader, requestContext } from "@/lib/auth/request-context";
import { authSecret } from "@/lib/auth/secret";

/** What the sign-in form posts. Limits keep a 1 MB "email" from reaching the database or argon2. */
export const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(254).email(),
  password: z.string().min(1).max(1024),
  remember: z.enum(["on", "true", "false"]).optional(),
  /** The solved proof-of-work challenge, when the form showed one (verified in the DAL). */
  altcha: botChallengeFieldSchema,
});

/**
 * next-auth drives sign-in with the Credentials provider. Its "JWT" is replaced
 * by an opaque random session token (custom encode/decode): the cookie carries
 * nothing but a reference to a server-side session row, so a session can be
 * listed, revoked and expired on the server.
 */
export const authOptions: NextAuthOptions = {
  // Read per request, not at import: `next build` loads this module without production secrets.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: longestSessionSeconds() },
  jwt: {
    encode: async ({ token }) => (typeof token?.sessionToken === "string" ? token.sessionToken : ""),
    decode: async ({ token }) => {
      if (!token) return null;
      const session = await findActiveSession(token);
      return session ? { sub: session.userId, sessionToken: token } : null;
    },
  },
  cookies: {
    sessionToken: { name: cookieNames.session, options: baseCookieOptions },
    csrfToken: { name: cookieNames.csrf, options: baseCookieOptions },
    callbackUrl: { name: cookieNames.callbackUrl, options: baseCookieOptions },
  },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, remember: { type: "checkbox" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = new Headers(request.headers as Record<string, string>);
        const result = await signInWithPassword({
          email: parsed.data.email,
          password: parsed.data.password,
          persistent: parsed.data.remember === "on" || parsed.data.remember === "true",
          deviceId: currentDeviceId() || cookieFromHeader(headers.get("cookie"), cookieNames.device) || "",
          trustedDeviceCookie: cookieFromHeader(headers.get("cookie"), cookieNames.trustedDevice),
          previousToken: cookieFromHeader(headers.get("cookie"), cookieNames.session),
          botChallenge: parsed.data.altcha,
          context: requestContext(headers),
        });
        if (result.ok) {
          if (result.deviceCookie) offerDeviceCookie(result.deviceCookie);
          return { id: result.userId, sessionToken: result.token };
        }
        // The reason travels as the error code; the form shows one generic message for "invalid".
        if (result.reason === "invalid") return null;
        if (result.reason === "throttled") throw new Error(`RateLimited:${result.retryAfterSeconds}`);
        if (result.reason === "reset_required") throw new Error("PasswordResetRequired");
        if (result.reason === "challenge_required") throw new Error("ChallengeRequired");
        if (result.reason === "challenge_invalid") throw new Error("ChallengeInvalid");
        throw new Error(result.reason === "unavailable" ? "Unavailable" : "Busy");
      },
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user && "sessionToken" in user && typeof user.sessionToken === "string") token.sessionToken = user.sessionToken;
      return token;
    },
    // The session endpoint tells a browser only when its session expires: no user data in the client.
    session: async ({ session }) => ({ expires: session.expires }),
    // Only paths on this site (V3.7.2): never an absolute URL to another origin, never an error.
    redirect: async ({ url, baseUrl }) => safeAuthRedirect(url, baseUrl),
  },
  events: {
    signOut: async ({ token }) => {
      if (typeof token?.sessionToken === "string") {
        await revokeSessionByToken(token.sessionToken, { ip: "unknown", userAgent: "next-auth sign-out" });
      }
    },
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    error: (code, metadata) => logger.error({ code, err: metadata instanceof Error ? metadata : undefined }, "next-auth"),
    warn: (code) => logger.warn({ code }, "next-auth"),
    debug: () => undefined,
  },
};
