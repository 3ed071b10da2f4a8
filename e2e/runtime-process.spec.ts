import { expect, test } from "@playwright/test";
import { processLaunch, processListeningOn } from "./support/listening-process";

// The processes this suite talks to are the production artefacts: plain Node on the
// bundles in dist/, with no TypeScript loader (tsx registers itself through --import or
// --require, on the command line or in NODE_OPTIONS) and no TypeScript source as the program.
const port = Number(process.env.E2E_PORT ?? 3100);
const loaderFlags = /^(--import|--loader|--experimental-loader|--require|-r)(=|$)/;

for (const { name, listensOn, program } of [
  { name: "web server", listensOn: port, program: /(^|\/)dist\/http-server\.js$/ },
  { name: "worker", listensOn: port + 2, program: /(^|\/)dist\/worker\.js$/ },
]) {
  test(`the ${name} runs the built JavaScript on plain node, with no tsx loader`, () => {
    const pid = processListeningOn(listensOn);
    expect(pid, `a process listening on port ${listensOn}`).toBeDefined();
    const { argv, nodeOptions } = processLaunch(pid ?? 0);

    expect(argv.join(" ")).not.toMatch(/tsx/);
    expect(argv.filter((arg) => loaderFlags.test(arg))).toEqual([]);
    expect(argv.some((arg) => program.test(arg))).toBe(true);
    expect(argv.some((arg) => /\.tsx?$/.test(arg))).toBe(false);
    expect(nodeOptions).not.toMatch(/tsx|--import|--loader|--require/);
  });
}
