import "server-only";

/** A minimal browser for the benchmark: next-auth's CSRF cookie and token, then credential posts. */
export type CsrfPair = { cookie: string; token: string };

export async function fetchCsrf(baseUrl: string): Promise<CsrfPair> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  return { cookie, token: csrfToken };
}

export function credentialsRequest(baseUrl: string, csrf: CsrfPair, email: string, password: string) {
  return {
    url: `${baseUrl}/api/auth/callback/credentials`,
    method: "POST" as const,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: new URL(baseUrl).origin,
      cookie: csrf.cookie,
    },
    body: new URLSearchParams({ csrfToken: csrf.token, email, password, json: "true" }).toString(),
  };
}

/** One sign-in; resolves with its latency in ms and whether a session cookie came back. */
export async function timedSignIn(baseUrl: string, email: string, password: string) {
  const csrf = await fetchCsrf(baseUrl);
  const request = credentialsRequest(baseUrl, csrf, email, password);
  const started = performance.now();
  const response = await fetch(request.url, { ...request, redirect: "manual" });
  const ms = performance.now() - started;
  const signedIn = response.headers.getSetCookie().some((cookie) => cookie.includes("shop.session="));
  return { ms, signedIn };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
