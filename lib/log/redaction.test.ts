import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { redactPaths } from "./redaction";

function captureLogger(): { logger: pino.Logger; output: () => Promise<string> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = pino({ redact: { paths: redactPaths, censor: "[redacted]" } }, stream);
  return {
    logger,
    output: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return chunks.join("");
    },
  };
}

describe("log redaction", () => {
  it("removes credentials and personal data at every covered depth", async () => {
    const { logger, output } = captureLogger();
    logger.info(
      {
        productSlug: "studio-over-ear-headphones",
        email: "jane@example.com",
        password: "hunter2-secret",
        user: { name: "Jane Roe", phone: "+1 555 0100", token: "tok-user-9f8e7d" },
        req: { headers: { cookie: "sid=abc123", authorization: "Bearer eyJhbGciOi-secret" } },
        res: { headers: { "set-cookie": "sid=def456; HttpOnly" } },
        order: { address: { line1: "1 Main St", city: "Springfield", postalCode: "94107" } },
        config: { DATABASE_URL: "postgresql://admin:pw-s3cret@db/shop" },
      },
      "checkout",
    );
    const text = await output();

    for (const secret of [
      "jane@example.com",
      "hunter2-secret",
      "Jane Roe",
      "+1 555 0100",
      "tok-user-9f8e7d",
      "sid=abc123",
      "eyJhbGciOi-secret",
      "sid=def456",
      "1 Main St",
      "Springfield",
      "94107",
      "pw-s3cret",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("studio-over-ear-headphones");
    expect(text).toContain("checkout");
    expect(text).toContain("[redacted]");
  });

  it("keeps the structure so the line stays useful", async () => {
    const { logger, output } = captureLogger();
    logger.info({ productSlug: "trail-backpack-30l", quantity: 2, user: { name: "Jane Roe" } }, "added");
    const line: unknown = JSON.parse((await output()).trim());
    expect(line).toMatchObject({
      productSlug: "trail-backpack-30l",
      quantity: 2,
      user: { name: "[redacted]" },
      msg: "added",
    });
  });

  it("is a valid set of pino paths", () => {
    expect(redactPaths.length).toBeGreaterThan(0);
    expect(new Set(redactPaths).size).toBe(redactPaths.length);
    expect(() => pino({ redact: { paths: redactPaths } })).not.toThrow();
  });
});
