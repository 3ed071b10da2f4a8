import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { findFolderCycles, folderOf } from "./folder-cycles.mjs";

const run = promisify(execFile);
const projectRoot = resolve(import.meta.dirname, "../..");
const depcruise = join(projectRoot, "node_modules/.bin/depcruise");

/** Runs `npm run lint:dependencies` as package.json spells it (real config, real reporter) in another folder. */
async function lintDependencies(cwd: string): Promise<{ exitCode: number; output: string }> {
  const args = [
    "--config",
    join(projectRoot, ".dependency-cruiser.cjs"),
    "--output-type",
    `plugin:${join(projectRoot, "lib/lint/folder-cycles.mjs")}`,
    "lib",
  ];
  try {
    const { stdout } = await run(depcruise, args, { cwd });
    return { exitCode: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { exitCode: failed.code, output: failed.stdout + failed.stderr };
  }
}

let fixture: string | null = null;
afterEach(async () => {
  if (fixture) await rm(fixture, { recursive: true, force: true });
  fixture = null;
});

async function project(files: Record<string, string>): Promise<string> {
  fixture = await mkdtemp(join(tmpdir(), "folder-cycles-"));
  const all = { "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] } } }), ...files };
  for (const [path, text] of Object.entries(all)) {
    await mkdir(dirname(join(fixture, path)), { recursive: true });
    await writeFile(join(fixture, path), text);
  }
  return fixture;
}

// lib/alpha uses lib/beta through one module and lib/beta uses lib/alpha through another:
// no module depends on itself, yet neither folder can be understood without the other.
const layered = {
  "lib/alpha/one.ts": 'import { two } from "@/lib/beta/two";\nexport const one = two + 1;\n',
  "lib/beta/two.ts": "export const two = 2;\n",
};
const cyclic = { ...layered, "lib/beta/three.ts": 'import { one } from "../alpha/one";\nexport const three = one + 1;\n' };

describe("lint: dependencies between folders of lib/", () => {
  it("fails on a new folder cycle that has no module cycle, naming both folders and the imports that close it", async () => {
    const { exitCode, output } = await lintDependencies(await project(cyclic));
    expect(exitCode).not.toBe(0);
    expect(output).toContain("no-folder-cycle: lib/alpha ⇄ lib/beta");
    expect(output).toContain("lib/alpha/one.ts → lib/beta/two.ts"); // resolved through the tsconfig "@/" alias
    expect(output).toContain("lib/beta/three.ts → lib/alpha/one.ts");
  });

  it("fails on a cycle between two domains of the data access layer", async () => {
    const { exitCode, output } = await lintDependencies(
      await project({
        "lib/dal/orders/orders.ts": 'import { audit } from "@/lib/dal/audit/log";\nexport const orders = audit;\n',
        "lib/dal/audit/log.ts": "export const audit = 1;\n",
        "lib/dal/audit/order-trail.ts": 'import { orders } from "@/lib/dal/orders/orders";\nexport const trail = orders;\n',
      }),
    );
    expect(exitCode).not.toBe(0);
    expect(output).toContain("no-folder-cycle: lib/dal/audit ⇄ lib/dal/orders");
  });

  it("fails when code outside the data access layer calls a domain's internal transaction helpers", async () => {
    const { exitCode, output } = await lintDependencies(
      await project({
        "lib/dal/orders/internal.ts": "export const lockOrder = () => 1;\n",
        "lib/actions/cancel-order.ts": 'import { lockOrder } from "@/lib/dal/orders/internal";\nexport const cancel = lockOrder;\n',
      }),
    );
    expect(exitCode).not.toBe(0);
    expect(output).toContain("internal-stays-in-the-dal: lib/actions/cancel-order.ts → lib/dal/orders/internal.ts");
  });

  it("passes the same folders when the dependency runs one way", async () => {
    const { exitCode, output } = await lintDependencies(await project(layered));
    expect(output).toContain("no dependency problems");
    expect(exitCode).toBe(0);
  });

  it("counts folders directly under lib/ and domains of lib/dal, and leaves tests out (they drive a layer from above)", () => {
    expect(folderOf("lib/dal/orders/orders.ts")).toBe("lib/dal/orders");
    expect(folderOf("lib/dal/test-users.ts")).toBe("lib/dal/test-users.ts");
    expect(folderOf("lib/auth/session/assurance.ts")).toBe("lib/auth");
    expect(folderOf("lib/env.ts")).toBe("lib/env.ts");
    expect(folderOf("app/admin/page.tsx")).toBe("app");
    const modules = [
      { source: "lib/auth/guard.ts", dependencies: [{ resolved: "lib/dal/sessions/sessions.ts" }] },
      { source: "lib/dal/sessions/sessions.ts", dependencies: [{ resolved: "lib/crypto/tokens.ts" }] },
      { source: "lib/dal/sessions/sessions.test.ts", dependencies: [{ resolved: "lib/auth/guard.ts" }] },
    ];
    expect(findFolderCycles(modules)).toEqual([]);
    const withCycle = [...modules, { source: "lib/dal/sessions/assurance.ts", dependencies: [{ resolved: "lib/auth/guard.ts" }] }];
    expect(findFolderCycles(withCycle)).toEqual([
      {
        folders: ["lib/auth", "lib/dal/sessions"],
        edges: expect.arrayContaining(["lib/auth/guard.ts → lib/dal/sessions/sessions.ts", "lib/dal/sessions/assurance.ts → lib/auth/guard.ts"]),
      },
    ]);
  });
});
