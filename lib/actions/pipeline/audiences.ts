import "server-only";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { ActionState } from "../action-state";
import { type ActionContext, type ActionOptions, type BuiltAction, defineAction } from "./define-action";

type Returns<B extends string> = string | ((bound: B | undefined) => string);

/**
 * An action anyone may call (sign-up, password reset, the cart, links from
 * mail): the anti-CSRF token, the form and the error table still apply. The
 * credential, if any, is in the form (a mailed token) and checked by the DAL.
 */
export function publicAction<S extends z.ZodType | undefined = undefined, B extends z.ZodType<string> | undefined = undefined, R extends ActionState = ActionState>(
  options: ActionOptions<"public", S, B, R>,
  handler: (context: ActionContext<"public", S, B>) => Promise<NoInfer<R>>,
): BuiltAction<B, R> {
  return defineAction({ audience: "public" }, options, handler);
}

/** An action for a signed-in session (customers, and staff on their own account pages); without one, sign-in and back to `returnTo`. */
export function customerAction<S extends z.ZodType | undefined = undefined, B extends z.ZodType<string> | undefined = undefined, R extends ActionState = ActionState>(
  options: ActionOptions<"customer", S, B, R> & { returnTo: Returns<string> },
  handler: (context: ActionContext<"customer", S, B>) => Promise<NoInfer<R>>,
): BuiltAction<B, R> {
  return defineAction({ audience: "customer", returnTo: options.returnTo }, options, handler);
}

/**
 * A staff action: a signed-in staff member with a second factor, the policy
 * accepted (unless `skipPolicy`), and `permission` (requireStaffPermission).
 */
export function staffAction<S extends z.ZodType | undefined = undefined, B extends z.ZodType<string> | undefined = undefined, R extends ActionState = ActionState>(
  options: ActionOptions<"staff", S, B, R> & { permission: Permission; returnTo: Returns<string>; skipPolicy?: boolean },
  handler: (context: ActionContext<"staff", S, B>) => Promise<NoInfer<R>>,
): BuiltAction<B, R> {
  return defineAction({ audience: "staff", permission: options.permission, returnTo: options.returnTo, skipPolicy: options.skipPolicy }, options, handler);
}
