import { describe, expect, it } from "vitest";
import { serializeError } from "./error-serializer";

describe("serializeError", () => {
  it("keeps type, message, code and stack, and drops attached objects such as a database client", () => {
    const error = Object.assign(new Error("terminating connection"), {
      code: "57P01",
      client: { connectionParameters: { user: "shop", password: "s3cret", host: "db.internal", database: "shop" } },
    });
    const logged = serializeError(error);
    expect(logged).toMatchObject({ type: "Error", message: "terminating connection", errorCode: "57P01" });
    expect(JSON.stringify(logged)).not.toMatch(/s3cret|db\.internal|connectionParameters/);
  });

  it("follows causes a few levels deep", () => {
    const logged = serializeError(new Error("outer", { cause: new TypeError("inner") }));
    expect(logged?.cause).toMatchObject({ type: "TypeError", message: "inner" });
  });

  it("describes thrown non-errors", () => {
    expect(serializeError("boom")).toEqual({ type: "string", message: "boom" });
  });
});
