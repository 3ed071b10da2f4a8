// Empty on purpose. Turbopack looks for this file in the app's folder and then in the workspace
// root (the shop), so without it the bare app would run the shop's instrumentation.ts.
export function register() {}
