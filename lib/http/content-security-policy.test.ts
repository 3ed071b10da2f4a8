import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, FAIL_CLOSED_POLICY, hashedContentSecurityPolicy } from "./content-security-policy";
import { staticSecurityHeaders } from "./security-headers.js";

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const directive of policy.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `duplicate directive ${name}`).toBe(false);
    map.set(name, sources);
  }
  return map;
}

describe("contentSecurityPolicy", () => {
  const nonce = "bm9uY2Utdm9sdWUtMTIzNA==";
  const production = contentSecurityPolicy(nonce, { development: false });
  const development = contentSecurityPolicy(nonce, { development: true });

  it("allows scripts only with this nonce, via strict-dynamic", () => {
    const scriptSrc = directives(production).get("script-src");
    expect(scriptSrc).toContain(`'nonce-${nonce}'`);
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("*");
  });

  it("locks down plugins, base, framing and form targets", () => {
    const map = directives(production);
    expect(map.get("object-src")).toEqual(["'none'"]);
    expect(map.get("base-uri")).toEqual(["'none'"]);
    expect(map.get("frame-ancestors")).toEqual(["'none'"]);
    expect(map.get("form-action")).toEqual(["'self'"]);
    expect(map.get("default-src")).toEqual(["'self'"]);
  });

  it("never allows inline code without a nonce", () => {
    expect(production).not.toContain("'unsafe-inline'");
    expect(development).not.toContain("'unsafe-inline'");
  });

  it("allows eval only in development", () => {
    expect(production).not.toContain("'unsafe-eval'");
    expect(directives(development).get("script-src")).toContain("'unsafe-eval'");
  });

  it("puts the nonce into the policy it was given", () => {
    const other = contentSecurityPolicy("b3RoZXI=", { development: false });
    expect(other).toContain("'nonce-b3RoZXI='");
    expect(other).not.toContain(nonce);
  });
});

describe("hashedContentSecurityPolicy", () => {
  const hashes = { scripts: ["c2NyaXB0LWE=", "c2NyaXB0LWI="], styles: ["c3R5bGU="] };
  const hashed = hashedContentSecurityPolicy(hashes, { development: false });
  const nonced = contentSecurityPolicy("bm9uY2U=", { development: false });

  it("allows exactly the page's scripts by hash, through strict-dynamic, and nothing inline", () => {
    expect(directives(hashed).get("script-src")).toEqual(["'self'", "'sha256-c2NyaXB0LWE='", "'sha256-c2NyaXB0LWI='", "'strict-dynamic'"]);
    expect(directives(hashed).get("style-src")).toEqual(["'self'", "'sha256-c3R5bGU='"]);
    expect(hashed).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
  });

  it("is as strict as the nonce policy in every other directive", () => {
    const rest = (policy: string) => [...directives(policy)].filter(([name]) => name !== "script-src" && name !== "style-src");
    expect(rest(hashed)).toEqual(rest(nonced));
  });

  it("is the same for the same page, so every visitor gets the same header", () => {
    expect(hashedContentSecurityPolicy({ ...hashes }, { development: false })).toBe(hashed);
  });

  it("fails closed before the hashes are known: no script at all", () => {
    expect(directives(FAIL_CLOSED_POLICY).get("script-src")).toEqual(["'none'"]);
    expect(directives(FAIL_CLOSED_POLICY).get("object-src")).toEqual(["'none'"]);
  });
});

describe("createNonce", () => {
  it("returns base64 of 16 random bytes", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("returns a different nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
  });
});

describe("staticSecurityHeaders", () => {
  function headerMap(production: boolean): Map<string, string> {
    const headers = staticSecurityHeaders({ production });
    const map = new Map(headers.map((header) => [header.key.toLowerCase(), header.value]));
    expect(map.size, "duplicate header").toBe(headers.length);
    return map;
  }

  it.each([true, false])("sets the baseline headers (production=%s)", (production) => {
    const map = headerMap(production);
    expect(map.get("x-content-type-options")).toBe("nosniff");
    expect(map.get("referrer-policy")).toMatch(/^(strict-origin-when-cross-origin|strict-origin|same-origin|no-referrer)$/);
    expect(map.get("permissions-policy")).toMatch(/camera=\(\)/);
    expect(map.get("permissions-policy")).toMatch(/microphone=\(\)/);
    expect(map.get("permissions-policy")).toMatch(/geolocation=\(\)/);
    expect(map.get("x-frame-options")).toBe("DENY");
  });

  it("sends a long HSTS with includeSubDomains in production", () => {
    const hsts = headerMap(true).get("strict-transport-security");
    expect(hsts).toBeDefined();
    const maxAge = Number(/(?:^|;)\s*max-age=(\d+)/i.exec(hsts ?? "")?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(31536000);
    expect(hsts).toMatch(/;\s*includeSubDomains/i);
  });

  it("sends no HSTS outside production", () => {
    expect(headerMap(false).has("strict-transport-security")).toBe(false);
  });
});
