import { openApiDocument } from "@/lib/api/v1/openapi";

/** The OpenAPI 3.1 document of /api/v1 (generated from the zod schemas the handlers use). Public: it holds no data. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
