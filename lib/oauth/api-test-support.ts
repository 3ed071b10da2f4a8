import { expect } from "vitest";
import { orderFixtures } from "@/lib/dal/orders/test-fixtures";
import { appSignIn } from "./test-support";

/** Calls /api/v1 handlers directly, as the route would, with a customer signed in through the app's OAuth flow. */
export function apiTestSupport() {
  const context = { ip: "203.0.113.31", userAgent: "vitest api v1" };
  const fixtures = orderFixtures();
  const { users } = fixtures;
  const origin = "http://localhost:3000";

  type Handler<P extends Record<string, string>> = (request: Request, ctx: { params: Promise<P> }) => Promise<Response>;

  function call<P extends Record<string, string>>(handler: Handler<P>, path: string, options: { token?: string; method?: string; body?: unknown; raw?: string; type?: string; params?: P; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined || options.body !== undefined) {
      body = options.raw ?? JSON.stringify(options.body);
      headers["content-type"] = options.type ?? "application/json";
    }
    const request = new Request(new URL(path, origin), { method: options.method ?? (body ? "POST" : "GET"), headers, body });
    return handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
  }

  async function problemOf(response: Response) {
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    return (await response.json()) as { type: string; status: number; errors?: Record<string, string[]> };
  }

  async function customerWithApp() {
    const user = await users.createUser();
    const { viewer, tokens } = await appSignIn(user.id, context);
    return { userId: user.id, viewer, token: tokens.access_token };
  }

  return { ...fixtures, context, call, problemOf, customerWithApp };
}
