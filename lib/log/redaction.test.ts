import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { generateDataClasses } from "@/lib/data-classes/generator-test-fixtures";
import { dataClasses } from "@/lib/data-classes/schema-classes";
import { redactPaths, redactPathsWith } from "./redaction";

function captureLogger(paths: string[] = redactPaths): { logger: pino.Logger; output: () => Promise<string> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const logger = pino({ redact: { paths, censor: "[redacted]" } }, stream);
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

  it("leaves nothing of a customer's address in a line logged while handling it", async () => {
    const address = {
      recipientName: "Jane Q. Customer",
      line1: "742 Evergreen Terrace",
      line2: "Apartment 5B-Redact",
      city: "Shelbyville-Redact",
      region: "Oregon-Redact",
      postalCode: "97403-1234",
      phone: "+1 541 555 0199",
      country: "US",
    };
    const { logger, output } = captureLogger();
    // The covered depths: top level, one object down, two objects down (pino has no recursive wildcard).
    logger.info({ addressId: "addr-1", address, order: { shipping: { ...address } } }, "address saved");
    logger.info({ ...address }, "address validated");
    const text = await output();
    const lines = text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, Record<string, unknown>>);

    // What is redacted follows the schema's classes, so the test asks them rather than listing keys.
    for (const [key, value] of Object.entries(address)) {
      const dataClass = dataClasses.classOf("Address", key);
      expect(["sensitive", "confidential"], `Address.${key}`).toContain(dataClass);
      if (value.length > 3) expect(text).not.toContain(value);
      expect(lines[0]?.address?.[key]).toBe("[redacted]");
      expect((lines[0]?.order?.shipping as Record<string, unknown> | undefined)?.[key]).toBe("[redacted]");
      expect(lines[1]?.[key]).toBe("[redacted]");
    }
    expect(lines[0]?.addressId).toBe("addr-1");
  });

  it("redacts every sensitive and confidential schema field at every covered depth", () => {
    const protectedFields = [...dataClasses.fieldsOfClass("sensitive"), ...dataClasses.fieldsOfClass("confidential")];
    expect(protectedFields.length).toBeGreaterThan(10);
    for (const { model, field } of protectedFields) {
      for (const path of [field, `*.${field}`, `*.*.${field}`]) expect(redactPaths, `${model}.${field}`).toContain(path);
    }
    for (const field of ["passwordHash", "totpSecret", "tokenHash", "ip", "userAgent"]) expect(redactPaths).toContain(field);
  });

  it("redacts a newly classified field with no change to the logger", async () => {
    const schema = `datasource db {\n  provider = "postgresql"\n}\n\nmodel Shoe {\n  id String @id /// @class internal\n  footSize Int /// @class sensitive\n}\n`;
    // What `prisma generate` writes for the schema, handed to the logger's own path builder.
    const run = await generateDataClasses(schema);
    if (!run.ok) throw new Error(run.output);
    const paths = redactPathsWith(run.generated.schemaRedactPaths);
    expect(paths).toEqual(expect.arrayContaining(["footSize", "*.footSize", "*.*.footSize"]));
    expect(paths).not.toContain("id");
    const { logger, output } = captureLogger(paths);
    logger.info({ order: { footSize: 47 } }, "fitting");
    expect(await output()).toContain('"footSize":"[redacted]"');
  });
});
