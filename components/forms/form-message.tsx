import type { ActionState } from "@/lib/actions/action-state";

/** The form-level outcome of an action, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const error = state.status === "error";
  return (
    <p
      role={error ? "alert" : "status"}
      className={`rounded border px-3 py-2 ${error ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}
    >
      {state.message}
    </p>
  );
}
