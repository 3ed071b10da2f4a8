import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { handleAuthPost, withSessionCookieRules } from "@/lib/next-auth/route";
import { authOptions } from "@/lib/next-auth/options";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export async function GET(request: NextRequest, context: Context) {
  return withSessionCookieRules(await handler(request, context));
}

export function POST(request: NextRequest, context: Context) {
  return handleAuthPost(request, context, handler);
}
