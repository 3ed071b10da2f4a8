/**
 * Folder cycles for dependency-cruiser. Its own `no-circular` rule sees
 * cycles between modules; this reporter also sees cycles between the folders
 * of lib/ and between the domains of lib/dal (lib/auth → lib/dal → lib/auth
 * through different modules), which keep a layer or a domain from being
 * read, tested or replaced on its own.
 *
 * Used as a reporter plugin (`depcruise --output-type plugin:…`): it prints
 * the rule violations dependency-cruiser found plus every folder cycle, and
 * exits non-zero when there is either.
 */

/** Tests may reach across layers (an integration test drives a DAL function through its action); product code may not. */
const TEST_FILE = /\.test\.tsx?$|^e2e\//;

/**
 * The unit a dependency is counted between: a domain of the data access layer
 * (`lib/dal/orders`), another folder directly under lib/ (`lib/auth`), or the
 * first path segment elsewhere (`app`, `components`, `proxy.ts`).
 * @param {string} path module path relative to the project root
 * @returns {string}
 */
export function folderOf(path) {
  const parts = path.split("/");
  if (parts[0] === "lib" && parts[1] === "dal") return parts.length > 3 ? `lib/dal/${parts[2]}` : path;
  if (parts[0] === "lib" && parts.length > 2) return `lib/${parts[1]}`;
  if (parts[0] === "lib") return path;
  return parts[0] ?? path;
}

/**
 * Every set of folders that depend on each other in a circle, each with the
 * module-level dependencies that close it.
 * @param {Array<{ source: string; dependencies: Array<{ resolved: string; coreModule?: boolean; couldNotResolve?: boolean }> }>} modules
 * @returns {Array<{ folders: string[]; edges: string[] }>}
 */
export function findFolderCycles(modules) {
  /** @type {Map<string, Map<string, string>>} folder → (folder it uses → one example dependency) */
  const graph = new Map();
  for (const cruised of modules) {
    if (TEST_FILE.test(cruised.source) || cruised.source.startsWith("node_modules/")) continue;
    const from = folderOf(cruised.source);
    for (const dependency of cruised.dependencies) {
      if (dependency.coreModule || dependency.couldNotResolve || dependency.resolved.startsWith("node_modules/")) continue;
      const to = folderOf(dependency.resolved);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const targets = /** @type {Map<string, string>} */ (graph.get(from));
      if (!targets.has(to)) targets.set(to, `${cruised.source} → ${dependency.resolved}`);
    }
  }
  return stronglyConnected(graph).map((folders) => ({
    folders: folders.sort(),
    edges: folders.flatMap((from) =>
      [...(graph.get(from) ?? new Map()).entries()].filter(([to]) => folders.includes(to)).map(([, example]) => example),
    ),
  }));
}

/**
 * Tarjan's algorithm: the strongly connected components with more than one folder.
 * @param {Map<string, Map<string, string>>} graph
 * @returns {string[][]}
 */
function stronglyConnected(graph) {
  let counter = 0;
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const components = [];
  /** @param {string} node */
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of (graph.get(node) ?? new Map()).keys()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(/** @type {number} */ (low.get(node)), /** @type {number} */ (low.get(next))));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(/** @type {number} */ (low.get(node)), /** @type {number} */ (index.get(next))));
      }
    }
    if (low.get(node) === index.get(node)) {
      /** @type {string[]} */ const component = [];
      let member;
      do {
        member = /** @type {string} */ (stack.pop());
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

/**
 * @param {{ rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string }> }} violation
 * @returns {string}
 */
function describeViolation(violation) {
  const cycle = violation.cycle?.length ? ` (cycle: ${[violation.from, ...violation.cycle.map(({ name }) => name)].join(" → ")})` : "";
  return `  error ${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`;
}

/**
 * The reporter plugin: rule violations and folder cycles, exit code 1 if any.
 * @param {{ modules: Parameters<typeof findFolderCycles>[0]; summary: { violations: Parameters<typeof describeViolation>[0][]; totalCruised: number } }} result
 * @returns {{ output: string; exitCode: number }}
 */
export default function report(result) {
  const violations = result.summary.violations.map(describeViolation);
  const cycles = findFolderCycles(result.modules).map(
    ({ folders, edges }) => `  error no-folder-cycle: ${folders.join(" ⇄ ")}\n${edges.map((edge) => `      ${edge}`).join("\n")}`,
  );
  const problems = [...violations, ...cycles];
  const output = problems.length
    ? `${problems.join("\n")}\n\n✘ ${problems.length} dependency problem(s) in ${result.summary.totalCruised} modules.\n`
    : `✔ no dependency problems (${result.summary.totalCruised} modules cruised).\n`;
  return { output, exitCode: problems.length ? 1 : 0 };
}
