import "server-only";

/**
 * RFC 9457 problem details for /api/v1 and the OAuth endpoints. Types are
 * stable URNs an app can switch on; `detail` is for people, never an internal
 * message (ASVS V16.5.1); field errors go in `errors`.
 */
export const PROBLEM_TYPES = {
  invalidRequest: { status: 400, title: "The request is not valid." },
  unauthorized: { status: 401, title: "A valid access token is required." },
  forbidden: { status: 403, title: "This is not allowed." },
  notFound: { status: 404, title: "Not found." },
  methodNotAllowed: { status: 405, title: "Method not allowed." },
  conflict: { status: 409, title: "The request conflicts with the current state." },
  payloadTooLarge: { status: 413, title: "The request body is too large." },
  unsupportedMediaType: { status: 415, title: "The request body must be JSON." },
  validation: { status: 422, title: "Some fields are not valid." },
  rateLimited: { status: 429, title: "Too many requests." },
  unavailable: { status: 503, title: "Temporarily unavailable." },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** The URN of a problem type, e.g. `urn:shop:problem:not-found`. */
export function problemTypeUri(type: ProblemType): string {
  return `urn:shop:problem:${type.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Record<string, string[]>;
};

/** A problem+json response; never cached. */
export function problemResponse(
  type: ProblemType,
  options: { detail?: string; errors?: Record<string, string[]>; headers?: Record<string, string>; extra?: Record<string, string> } = {},
): Response {
  const { status, title } = PROBLEM_TYPES[type];
  const body: Problem & Record<string, unknown> = { type: problemTypeUri(type), title, status, ...options.extra };
  if (options.detail) body.detail = options.detail;
  if (options.errors) body.errors = options.errors;
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...options.headers },
  });
}
