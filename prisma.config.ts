import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `prisma generate`; migrations are applied by
// `npm run db:migrate` (prisma/tools), which works without downloading engines.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
