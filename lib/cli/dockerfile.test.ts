import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

// The container's rules, checked on the files themselves (no Docker engine is needed):
// an exact base image, production dependencies only, no TypeScript sources, plain `node` on
// the built files. The runtime stage is the last one, the image `docker build` produces.
const dockerfile = readFileSync(join(process.cwd(), "Dockerfile"), "utf8");
const packageJson = JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};

/** Instructions with their continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

type Stage = { name: string; from: string; lines: string[] };
const stages: Stage[] = [];
for (const line of instructions) {
  const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
  if (from) stages.push({ from: from[1] ?? "", name: from[2] ?? "", lines: [] });
  else stages.at(-1)?.lines.push(line);
}
const runtime = stages.at(-1) as Stage;
const stage = (name: string) => stages.find((candidate) => candidate.name === name);

/** The COPY instructions of a stage as { from, sources }. */
const copies = (of: Stage) =>
  of.lines
    .filter((line) => /^COPY\s/i.test(line))
    .map((line) => {
      const words = line.split(/\s+/).slice(1);
      const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
      const paths = words.filter((word) => !word.startsWith("--"));
      return { from, sources: paths.slice(0, -1) };
    });

const command = (of: Stage) => of.lines.filter((line) => /^(CMD|ENTRYPOINT)\s/i.test(line)).join("\n");

describe("Dockerfile", () => {
  it("builds on one exact Node image, the version of the project's own Node", () => {
    const external = stages.map((s) => s.from).filter((from) => !stages.some((s) => s.name === from));
    expect(external).toEqual([`node:${packageJson.devDependencies.node}-bookworm-slim`]);
  });

  it("ends with a runtime stage that starts plain node on the built server, never tsx", () => {
    expect(runtime.name).toBe("runtime");
    const cmd = command(runtime);
    expect(cmd).toMatch(/exec node dist\/http-server\.js/);
    expect(cmd).toMatch(/node --conditions=react-server dist\/db-migrate\.js/);
    expect(cmd).not.toMatch(/tsx|\.ts\b/);
    expect(runtime.lines.join("\n")).not.toMatch(/tsx/);
  });

  it("copies production dependencies only into the runtime stage", () => {
    const modules = copies(runtime).filter((copy) => copy.sources.some((source) => /node_modules/.test(source)));
    expect(modules).toHaveLength(1);
    const source = stage(modules[0]?.from ?? "");
    expect(source?.lines.some((line) => /^RUN\s+npm ci\b.*--omit=dev/.test(line))).toBe(true);
  });

  it("copies no TypeScript sources into the runtime stage", () => {
    const sources = copies(runtime).flatMap((copy) => copy.sources);
    expect(copies(runtime).every((copy) => copy.from)).toBe(true); // nothing straight from the build context
    const forbidden = sources.filter(
      (path) =>
        /\.(m|c)?tsx?$/.test(path) ||
        /(^|\/)(lib|app|components|e2e|prisma\/tools|prisma\/seed)\/?$/.test(path) ||
        /(^|\/)(tsconfig\.json|\.)$/.test(path) ||
        /(^|\/)prisma\/?$/.test(path),
    );
    expect(forbidden).toEqual([]);
    expect(sources).toEqual(expect.arrayContaining(["/app/dist", "/app/.next"]));
  });
});

describe("docker-compose.yml's commands", () => {
  const compose = parse(readFileSync(join(process.cwd(), "docker-compose.yml"), "utf8"), { merge: true }) as {
    services: Record<string, { command?: string[] }>;
  };

  it("run the built files with plain node", () => {
    expect(compose.services.app?.command).toEqual(["node", "dist/http-server.js", "3000"]);
    expect(compose.services.worker?.command).toEqual(["node", "--conditions=react-server", "dist/worker.js"]);
    expect(compose.services.migrate?.command).toEqual(["node", "--conditions=react-server", "dist/db-migrate.js"]);
  });
});
