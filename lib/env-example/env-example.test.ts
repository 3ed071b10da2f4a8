import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnvConfig } from "@next/env";
import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/env";
import { secretsItem, type SetupConfig } from "@/lib/self-check/configuration-checks";
import { ENV_EXAMPLE_PATH, renderEnvExample, REQUIRED_IN_PRODUCTION, SECRET_HINTS } from "./env-example";
import { settingSources } from "./setting-comments";

const sources = settingSources(readFileSync(join(process.cwd(), "lib/env.ts"), "utf8"));
const rendered = renderEnvExample(envSchema, sources);
const line = (name: string) => rendered.split("\n").find((text) => text.startsWith(`# ${name}=`));

describe(".env.example", () => {
  it("is what the generator writes from the current lib/env.ts", () => {
    const path = join(process.cwd(), ENV_EXAMPLE_PATH);
    const actual = existsSync(path) ? readFileSync(path, "utf8") : "";
    expect(actual, `${ENV_EXAMPLE_PATH} is out of date: run \`npm run env:example\``).toBe(rendered);
  });

  it("lists every setting of the schema once, with its default", () => {
    expect(sources.map((source) => source.name)).toEqual(Object.keys(envSchema.shape));
    expect(line("PORT")).toBe("# PORT=3000");
    expect(line("SHOP_NAME")).toBe('# SHOP_NAME="Northwind Goods"');
    expect(line("HIBP_ENABLED")).toBe("# HIBP_ENABLED=false");
    expect(line("REDIS_URL")).toBe("# REDIS_URL=");
  });

  it("describes every setting: a comment of its own or its group's", () => {
    const undescribed = sources.filter((source, index) => {
      if (source.comments.length) return false;
      const group = sources.slice(0, index + 1);
      const start = group.findLastIndex((earlier) => earlier.startsGroup);
      return !group.slice(Math.max(start, 0), index).some((earlier) => earlier.comments.length);
    });
    expect(undescribed.map((source) => source.name)).toEqual([]);
  });

  it("gives no secret a value, only a way to generate one", () => {
    for (const name of Object.keys(SECRET_HINTS)) {
      expect(line(name), name).toBe(`# ${name}=`);
      expect(rendered).toContain(SECRET_HINTS[name]);
    }
    expect(rendered).toContain("openssl rand -base64 32");
  });

  it("marks every secret the production self-check refuses to run without (V13.3.1)", () => {
    const unset = Object.fromEntries(Object.keys(envSchema.shape).map((name) => [name, undefined]));
    const check = secretsItem({ ...unset, NODE_ENV: "production", SITE_URL: "https://shop.example" } as unknown as SetupConfig);
    const missing = /([A-Z_, ]+) not set/.exec(check.detail)?.[1]?.split(", ") ?? [];
    expect(missing.length).toBeGreaterThan(0);
    for (const name of missing) expect(REQUIRED_IN_PRODUCTION, name).toContain(name);
    for (const name of REQUIRED_IN_PRODUCTION) {
      const index = rendered.indexOf(`# ${name}=`);
      expect(rendered.slice(0, index).split("\n").at(-2), name).toMatch(/^# Required in production\./);
    }
  });

  it("is committed (not ignored) and never read by the runtime's .env loading", () => {
    expect(() => execFileSync("git", ["check-ignore", "-q", ENV_EXAMPLE_PATH])).toThrow(); // exit 1: not ignored
    const dir = mkdtempSync(join(tmpdir(), "env-example-"));
    try {
      writeFileSync(join(dir, ".env.example"), "SHOP_NAME=Loaded from the example\n");
      for (const dev of [true, false]) {
        const { loadedEnvFiles, combinedEnv } = loadEnvConfig(dir, dev, { info: () => undefined, error: () => undefined }, true);
        expect(loadedEnvFiles).toEqual([]);
        expect(combinedEnv.SHOP_NAME).not.toBe("Loaded from the example");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
