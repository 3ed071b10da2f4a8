import type { ActionState } from "@/lib/actions/action-state";

/** The form-level outcome of an action, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const error = state.status === "error";
  return (
    <p
      role={error ? "alert" : "status"}
      className={`rounded border px-3 py-2 ${error ? "border-danger-300 bg-danger-50 text-danger-900" : "border-success-300 bg-success-50 text-success-900"}`}
    >
      {state.message}
    </p>
  );
}
