import { describe, expect, it } from "vitest";
import { readSignedCheckpoint, signCheckpoint } from "./checkpoint";

const key = Buffer.alloc(32, 3);
const checkpoint = { headId: "42", headHash: "a".repeat(64), count: 42, at: "2026-12-06T21:00:00.000Z" };

describe("signed audit checkpoints", () => {
  it("round-trips through a JSON line", () => {
    expect(readSignedCheckpoint(JSON.stringify(signCheckpoint(checkpoint, key)), key)).toEqual(checkpoint);
  });

  it("refuses a checkpoint edited to name a shorter chain", () => {
    const signed = signCheckpoint(checkpoint, key);
    expect(readSignedCheckpoint(JSON.stringify({ ...signed, headId: "40", count: 40 }), key)).toBe("signature invalid");
  });

  it("refuses a checkpoint signed with another key", () => {
    expect(readSignedCheckpoint(JSON.stringify(signCheckpoint(checkpoint, Buffer.alloc(32, 4))), key)).toBe("signature invalid");
  });

  it("reports a damaged line as malformed", () => {
    expect(readSignedCheckpoint('{"kind":"audit.checkpoint",', key)).toBe("malformed");
    expect(readSignedCheckpoint(JSON.stringify({ ...signCheckpoint(checkpoint, key), count: -1 }), key)).toBe("malformed");
  });
});
