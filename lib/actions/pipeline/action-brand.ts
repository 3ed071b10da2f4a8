import type { Permission } from "@/lib/auth/permissions";

/** Who may call an action: anyone, a signed-in session, or staff holding a permission. */
export type ActionAudience = "public" | "customer" | "staff";

/** What the pipeline recorded about an action it built (read by the entry-point test). */
export type ActionMeta = {
  audience: ActionAudience;
  permission?: Permission;
  stepUp: boolean;
  rateLimited: boolean;
};

const ACTION_META = Symbol.for("shop.action-pipeline");

/** Marks `action` as built by the pipeline, with its metadata. */
export function brandAction<F extends (...args: never[]) => Promise<unknown>>(action: F, meta: ActionMeta): F {
  Object.defineProperty(action, ACTION_META, { value: Object.freeze({ ...meta }), enumerable: false });
  return action;
}

/** The metadata of an action built by the pipeline, or undefined for anything else. */
export function actionMeta(value: unknown): ActionMeta | undefined {
  return typeof value === "function" ? (value as unknown as Record<symbol, ActionMeta | undefined>)[ACTION_META] : undefined;
}
