/**
 * Dependency rules, checked by `npm run lint` (dependency-cruiser, with the
 * folder-cycle reporter in lib/lint/folder-cycles.mjs). The layers and the
 * direction each folder may depend on are described in README.md
 * ("Architecture"). Type-only imports count too: a type import is still a
 * dependency between folders.
 */
const TESTS = "\\.test\\.tsx?$|^e2e/";

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No module may depend on itself through others.",
      from: {},
      to: { circular: true },
    },
    {
      name: "prisma-only-in-dal",
      severity: "error",
      comment: "Only the data access layer touches Prisma (lib/db.ts, the generated client); everything else calls a DAL function.",
      from: { pathNot: ["^lib/dal/", "^lib/db\\.ts$", "^lib/generated/", "^prisma/"] },
      to: { path: ["^lib/db\\.ts$", "^lib/generated/prisma/"] },
    },
    {
      name: "dal-does-not-call-up",
      severity: "error",
      comment:
        "The DAL sits under the request layer: it never imports pages, components, actions, guards, next-auth wiring, job handlers, the gateway selection or the CLI.",
      from: { path: "^lib/dal/", pathNot: TESTS },
      to: { path: "^(app|components)/|^lib/(actions|guards|next-auth|jobs|payment-gateway|cli)/" },
    },
    {
      name: "internal-stays-in-the-dal",
      severity: "error",
      comment:
        "A domain's internal modules (lib/dal/<domain>/internal.ts, internal/) are transaction helpers for other DAL domains; they do not check who is asking, so nothing outside the DAL calls them.",
      from: { pathNot: ["^lib/dal/", TESTS] },
      to: { path: "^lib/dal/[^/]+/internal(\\.ts$|/)" },
    },
    {
      name: "components-render-what-they-are-handed",
      severity: "error",
      comment:
        "Components render what pages hand them: no DAL calls, guards or Prisma (DTO types may be imported).",
      from: { path: "^components/" },
      to: { path: "^lib/(dal|guards|next-auth|db\\.ts)", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/generated/|node_modules/|\\.next)" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mjs", ".js"] },
  },
};
