import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { checkPasswordPolicy, PasswordRejection } from "./policy";

const BREACHED = "tangerine umbrella 1987";
const SAFE = "a quiet unbreached phrase";
const sha1 = (value: string) => createHash("sha1").update(value, "utf8").digest("hex").toUpperCase();
const context = { email: "jane.doe@example.com", name: "Jane Doe" };

/** A fake Pwned Passwords range API on loopback; `mode` picks its behaviour. */
let mode: "ok" | "error" | "slow" = "ok";
const requests: { url: string; padding: string | undefined }[] = [];
let server: Server;
let apiUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push({ url: request.url ?? "", padding: request.headers["add-padding"] as string | undefined });
    if (mode === "error") return void response.writeHead(500).end("oops");
    if (mode === "slow") return void setTimeout(() => response.writeHead(200).end(""), 3_000);
    const hash = sha1(BREACHED);
    const lines = [`${hash.slice(5)}:42`, `${"0".repeat(35)}:0`, `${sha1(SAFE).slice(5)}:0`];
    response.writeHead(200, { "content-type": "text/plain" }).end(lines.join("\r\n"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const check = (password: string, url = apiUrl) =>
  checkPasswordPolicy(password, context, { hibp: { enabled: true, apiUrl: url }, shopName: "Northwind Goods" });

describe("checkPasswordPolicy: Have I Been Pwned", () => {
  it("refuses a password whose SHA-1 suffix is in the range answer", async () => {
    mode = "ok";
    requests.length = 0;
    expect(await check(BREACHED)).toEqual({
      ok: false,
      code: PasswordRejection.breached,
      message: "This password has appeared in a data breach. Choose a different one.",
    });
    // Only the 5-character prefix leaves the server, with padding requested.
    expect(requests).toEqual([{ url: `/range/${sha1(BREACHED).slice(0, 5)}`, padding: "true" }]);
  });

  it("accepts a password whose suffix is absent or only padding (count 0)", async () => {
    mode = "ok";
    expect(await check(SAFE)).toEqual({ ok: true });
    expect(await check("another fine passphrase")).toEqual({ ok: true });
  });

  it("does not ask the service when the check is disabled", async () => {
    mode = "ok";
    requests.length = 0;
    const result = await checkPasswordPolicy(BREACHED, context, { hibp: { enabled: false, apiUrl }, shopName: "Shop" });
    expect(result).toEqual({ ok: true });
    expect(requests).toHaveLength(0);
  });

  it("does not ask the service about a password refused locally", async () => {
    requests.length = 0;
    expect(await check("password1234")).toMatchObject({ code: PasswordRejection.common });
    expect(requests).toHaveLength(0);
  });

  it("degrades gracefully on a 500, logging no password or hash prefix", async () => {
    mode = "error";
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    expect(await check(BREACHED)).toEqual({ ok: true });
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).toContain("500");
    expect(logged).not.toContain(sha1(BREACHED).slice(0, 5));
    expect(logged).not.toContain(BREACHED);
    warn.mockRestore();
  });

  it("degrades gracefully when nothing listens on the port", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    expect(await check(BREACHED, `http://127.0.0.1:${port}`)).toEqual({ ok: true });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("gives up after 2 seconds", async () => {
    mode = "slow";
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const started = performance.now();
    expect(await check(BREACHED)).toEqual({ ok: true });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(2_900);
    expect(JSON.stringify(warn.mock.calls)).toContain("TimeoutError");
    warn.mockRestore();
  });
});
