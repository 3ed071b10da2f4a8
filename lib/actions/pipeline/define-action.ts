import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { requireSession } from "@/lib/guards/current-session";
import type { Permission } from "@/lib/auth/permissions";
import { limitAction, type ActionPolicy } from "@/lib/auth/rate-limit/action-limits";
import { strictest } from "@/lib/auth/rate-limit/decision";
import { requestContext } from "@/lib/auth/request-context";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { ShopLockedDownError } from "@/lib/dal/lockdown/state";
import { hasValidCsrfToken, isTokenlessSameOriginForm, reissueCsrfCookies } from "@/lib/auth/csrf/request-csrf";
import { type ActionState, limitRefusedMessage } from "../action-state";
import { type ActionAudience, brandAction } from "./action-brand";
import { type ErrorMessages, errorState } from "./error-copy";
import { assertSafeEcho, type FormInput, parseForm, safeValues } from "./form-input";

/** The refusal shown when a form's anti-CSRF token is missing, stale or foreign. Nothing was changed. */
export const CSRF_REFUSED = "This form has expired or did not come from this shop. Reload the page and try again; nothing was changed.";

type ActiveSession = Awaited<ReturnType<typeof requireSession>>;
type StaffViewer = Awaited<ReturnType<typeof requireStaffPermission>>;
type RequestContext = ReturnType<typeof requestContext>;
type Viewer = { public: null; customer: ActiveSession; staff: StaffViewer };

/** Who is asking, decided before anything else: the audience's guard. */
export type Audience =
  | { audience: "public" }
  | { audience: "customer"; returnTo: string | ((bound: string | undefined) => string) }
  | { audience: "staff"; permission: Permission; returnTo: string | ((bound: string | undefined) => string); skipPolicy?: boolean };

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the handler of an action gets once every check has passed. */
export type ActionContext<A extends ActionAudience, S, B> = {
  viewer: Viewer[A];
  /** The form, parsed by the action's schema. */
  input: Parsed<S>;
  /** The argument bound by the page (a product id), checked by its schema. */
  bound: B extends z.ZodType ? z.output<B> : undefined;
  formData: FormData;
  /** What the form echoes back (never a password, code or token). */
  values: Record<string, string>;
  request: RequestContext;
  /** The form state for an error code from the action's `errors` table, with the echoed values. */
  fail: (code: string) => ActionState;
};

/** A phantom marking the state type of an action whose state extends ActionState. */
export type StateOf<R extends ActionState> = { readonly __state?: R };

/** Declares that an action returns `R` (an ActionState with extra fields). */
export const withState = <R extends ActionState>(): StateOf<R> => ({});

/** Everything an action declares besides its audience. */
export type ActionOptions<A extends ActionAudience, S extends z.ZodType | undefined, B extends z.ZodType<string> | undefined, R extends ActionState> = {
  /** An argument bound by the page (`action.bind(null, id)`); one that fails its schema is a 404. */
  bound?: B;
  input?: S extends z.ZodType ? FormInput<S> : undefined;
  /** Shapes refused input (default: field errors plus the echoed values). */
  invalid?: (fieldErrors: Record<string, string[] | undefined>, values: Record<string, string>) => ActionState;
  /** A recent second factor: before reading the form, or once it is valid (the page to come back to may depend on it). */
  stepUp?: { when: "first" | "after-input"; returnTo: (input: Parsed<S> | undefined, bound: string | undefined) => string };
  /** Rate limits consumed once the form is valid; a refusal shows `message` with when to retry. */
  rateLimit?: {
    policies: (viewer: Viewer[A], request: RequestContext) => [ActionPolicy, string][];
    /** The refusal's text: "too many" words (the wait is added), or the whole text from the seconds to wait. */
    message: string | ((retryAfterSeconds: number) => string);
  };
  errors?: ErrorMessages;
  state?: StateOf<R>;
  /**
   * The form is also on the catalog's shared pages (lib/http/page-cache), which
   * carry no anti-CSRF token: without JavaScript it posts none, and is accepted
   * when the browser states it is same-origin (isTokenlessSameOriginForm).
   */
  onSharedPages?: true;
};

type Handler<A extends ActionAudience, S, B, R> = (context: ActionContext<A, S, B>) => Promise<NoInfer<R>>;

/** A form action for useActionState: (previous state, form data). */
export type FormAction<R> = (previous: R, formData: FormData) => Promise<R>;
/** A form action with one argument bound by the page. */
export type BoundFormAction<R> = (bound: string, previous: R, formData: FormData) => Promise<R>;

export type BuiltAction<B, R> = B extends z.ZodType ? BoundFormAction<R> : FormAction<R>;

/**
 * The one pipeline every server action goes through, in this order: the
 * audience's guard (session, staff permission), the anti-CSRF token, the bound
 * argument, the form (zod), step-up, rate limits, then the handler. Errors the
 * handler reports by code are turned into text here; after it, the anti-CSRF
 * cookie follows any change of session (sign-in, sign-out). The result is
 * branded with its audience and permission for the entry-point test.
 */
export function defineAction<A extends ActionAudience, S extends z.ZodType | undefined, B extends z.ZodType<string> | undefined, R extends ActionState>(
  who: Extract<Audience, { audience: A }>,
  options: ActionOptions<A, S, B, R>,
  handler: Handler<A, S, B, R>,
): BuiltAction<B, R> {
  assertSafeEcho(options.input?.echo);
  const run = async (boundArg: unknown, formData: unknown): Promise<R> => {
    const bound = options.bound?.safeParse(boundArg);
    const boundId = bound?.success ? (bound.data as string) : undefined;
    const viewer = (await guard(who, boundId)) as Viewer[A];
    const stepUpViewer = viewer as unknown as Pick<ActiveSession, "reauthenticatedAt">;
    const form = formData instanceof FormData ? formData : null;
    try {
      // Read (not yet trusted) first, so a refused token still keeps what was typed.
      const parsed = options.input && form ? parseForm(options.input, form) : null;
      const values = parsed?.values ?? {};
      if (!form || !(await csrfAccepted(form, options.onSharedPages === true))) return { status: "error", message: CSRF_REFUSED, values } as R;
      if (bound && !bound.success) notFound();
      const body = form;
      const request = requestContext(await headers());
      if (options.stepUp?.when === "first") requireRecentAuthentication(stepUpViewer, options.stepUp.returnTo(undefined, boundId));
      if (parsed && !parsed.ok) return (options.invalid?.(parsed.fieldErrors, values) ?? { status: "error", fieldErrors: parsed.fieldErrors, values }) as R;
      const input = (parsed?.ok ? parsed.data : undefined) as Parsed<S>;
      if (options.stepUp?.when === "after-input") requireRecentAuthentication(stepUpViewer, options.stepUp.returnTo(input, boundId));
      if (options.rateLimit) {
        const decisions = await Promise.all(options.rateLimit.policies(viewer, request).map(([policy, key]) => limitAction(policy, key)));
        const limit = strictest(decisions);
        if (!limit.allowed) {
          const { message } = options.rateLimit;
          const text = typeof message === "string" || limit.scope === "store" ? limitRefusedMessage(limit, String(message)) : message(limit.retryAfterSeconds);
          return { status: "error", message: text, values } as R;
        }
      }
      const fail = (code: string) => errorState(options.errors, code, values);
      const context = { viewer, input, bound: boundId, formData: body, values, request, fail } as ActionContext<A, S, B>;
      try {
        const state = await handler(context);
        return { ...state, values: safeValues(state.values) };
      } catch (error) {
        // Lockdown mode: the DAL refused (checkout, payment, sign-up); the shopper is told why, keeping what they typed.
        if (error instanceof ShopLockedDownError) return { status: "error", message: error.message, values: safeValues(values) } as R;
        throw error;
      }
    } finally {
      await reissueCsrfCookies();
    }
  };
  const audience: Audience = who;
  const meta = {
    audience: audience.audience,
    permission: audience.audience === "staff" ? audience.permission : undefined,
    stepUp: options.stepUp !== undefined,
    rateLimited: options.rateLimit !== undefined,
  };
  const action = options.bound
    ? async (bound: string, _previous: R, formData: FormData) => run(bound, formData)
    : async (_previous: R, formData: FormData) => run(undefined, formData);
  return brandAction(action, meta) as BuiltAction<B, R>;
}

async function guard(who: Audience, bound: string | undefined): Promise<ActiveSession | StaffViewer | null> {
  if (who.audience === "public") return null;
  const returnTo = typeof who.returnTo === "function" ? who.returnTo(bound) : who.returnTo;
  if (who.audience === "customer") return requireSession(returnTo);
  return requireStaffPermission(who.permission, { returnTo, skipPolicy: who.skipPolicy });
}

async function csrfAccepted(form: FormData, onSharedPages: boolean): Promise<boolean> {
  if (onSharedPages && (await isTokenlessSameOriginForm(form))) return true;
  return hasValidCsrfToken(form);
}
