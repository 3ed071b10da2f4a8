import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const prismaImports = {
  patterns: [
    {
      group: ["@/lib/db", "**/lib/db", "@/lib/generated/prisma", "@/lib/generated/prisma/*", "**/generated/prisma/*"],
      message: "Only the data access layer (lib/dal) touches Prisma: call a DAL function instead.",
    },
  ],
};

// Server actions (ARCHITECTURE.md): every export of a "use server" module is built by the action
// pipeline (lib/actions/pipeline), which checks the session, permission, anti-CSRF token and form.
const inServerModule = "Program:has(> ExpressionStatement[directive='use server'])";
const builtByPipeline = "[init.type='CallExpression'][init.callee.name=/^(publicAction|customerAction|staffAction)$/]";
const pipelineOnly = "Build server actions with publicAction, customerAction or staffAction (lib/actions/pipeline/audiences.ts).";
const serverActionRules = [
  { selector: `${inServerModule} > ExportNamedDeclaration > FunctionDeclaration`, message: pipelineOnly },
  { selector: `${inServerModule} > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator:not(${builtByPipeline})`, message: pipelineOnly },
  { selector: `${inServerModule} > ExportNamedDeclaration[exportKind='value'][specifiers.length>0]`, message: pipelineOnly },
  { selector: `${inServerModule} > ExportDefaultDeclaration`, message: pipelineOnly },
  { selector: ":function > BlockStatement > ExpressionStatement[directive='use server']", message: `No inline server actions. ${pipelineOnly}` },
];

const config = [
  { ignores: [".next/**", ".next-*/**", "bench/bare-next/.next/**", "dist/**", "lib/generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Promise habits, checked with type information: a promise nobody awaits loses its rejection
  // (an unhandled rejection ends the process), and a promise-returning callback where a void one is
  // expected (an event handler, a timer) is not awaited by its caller. `void` alone does not count
  // as handling (ignoreVoid: false): a promise started on purpose still needs its `.catch`.
  // Type-aware rules need the TypeScript program, so they run on TypeScript files only; the plain
  // JavaScript config files (*.js, *.mjs, *.cjs) keep the untyped rules above.
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": ["error", { ignoreVoid: false }],
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  // Layers (README "Architecture"): only lib/dal reaches Prisma; only lib/env.ts reads process.env.
  // The other dependency rules (folder cycles, components, DAL direction) are in .dependency-cruiser.cjs.
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/dal/**", "lib/db.ts"],
    rules: { "no-restricted-imports": ["error", prismaImports] },
  },
  {
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/cli/**"],
    rules: { "no-restricted-syntax": ["error", ...serverActionRules] },
  },
  // Commands end with an explicit process.exit(code) (lib/cli/run-cli.ts): an exit hook of the
  // embedded PostgreSQL package exits with 0 on beforeExit, so a bare exitCode would be lost.
  {
    files: ["lib/cli/**", "prisma/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "AssignmentExpression[left.object.name='process'][left.property.name='exitCode']",
          message: "End the command with runCli (lib/cli/run-cli.ts) or process.exit(code): exitCode is lost to exit hooks.",
        },
      ],
    },
  },
];
export default config;
