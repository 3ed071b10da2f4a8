import { NextResponse } from "next/server";

// A proxy that never runs (its matcher names no page), for the same reason as instrumentation.js:
// without it, Turbopack would build the shop's proxy.ts from the workspace root into the bare app.
export function proxy() {
  return NextResponse.next();
}

export const config = { matcher: "/bench-never-matches" };
