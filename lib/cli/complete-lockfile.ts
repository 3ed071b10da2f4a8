/**
 * `npm run lockfile:complete`: some registry mirrors do not carry every
 * platform's optional binary package (e.g. `@next/swc-darwin-arm64`). npm then
 * leaves those packages out of package-lock.json, and `npm ci` rejects the lock
 * as out of sync. This adds the missing entries (version, os, cpu, libc, read
 * from the package name as their publishers name them), which npm skips on
 * other platforms and fetches normally where they apply. Run after `npm install`.
 */
import { readFileSync, writeFileSync } from "node:fs";

type LockEntry = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
};
type Lockfile = { packages: Record<string, LockEntry> };

const operatingSystems = ["darwin", "win32", "linux", "android", "freebsd", "openharmony", "netbsd", "openbsd", "sunos", "aix"];
const cpus: [RegExp, string][] = [
  [/-arm64\b/, "arm64"],
  [/-x64\b/, "x64"],
  [/-ia32\b/, "ia32"],
  [/-arm-/, "arm"],
  [/-loong64\b/, "loong64"],
  [/-ppc64\b/, "ppc64"],
  [/-riscv64\b/, "riscv64"],
  [/-s390x\b/, "s390x"],
  [/-wasm32\b/, "wasm32"],
];

/** Platform fields from a binary package's name, e.g. `…-linux-arm-musleabihf`. */
export function platformOf(name: string): Pick<LockEntry, "os" | "cpu" | "libc"> {
  const os = operatingSystems.find((candidate) => name.includes(`-${candidate}-`));
  const cpu = cpus.find(([pattern]) => pattern.test(name))?.[1];
  const libc = /-(gnu|gnueabihf)\b/.test(name) ? "glibc" : /-musl/.test(name) ? "musl" : undefined;
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(os === "linux" && libc && { libc: [libc] }) };
}

if (process.argv[1]?.endsWith("complete-lockfile.ts")) {
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as Lockfile;
  const added: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      if (lock.packages[`${path}/node_modules/${name}`] || lock.packages[`node_modules/${name}`]) continue;
      lock.packages[`node_modules/${name}`] = {
        version: range.replace(/^[\^~=]/, ""),
        ...(entry.dev && { dev: true }),
        optional: true,
        ...platformOf(name),
      };
      added.push(name);
    }
  }
  writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `Added ${added.length} platform entries: ${added.join(", ")}` : "The lockfile is complete.");
}
