import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { generateKeyRingValue, keyRing, keyRingFromConfig, parseKeyRing } from "./key-ring";

const key = (bytes = 32) => randomBytes(bytes).toString("base64");

/** Runs `fn` and returns its error message (failing the test if it does not throw). */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("parseKeyRing", () => {
  it("parses several keys and selects the current one", () => {
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    const ring = parseKeyRing(`k1:${k1.toString("base64")}, k2:${k2.toString("base64url")}`, "k2");
    expect(ring.ids).toEqual(["k1", "k2"]);
    expect(ring.current.id).toBe("k2");
    expect(ring.current.key.equals(k2)).toBe(true);
    expect(ring.get("k1")?.equals(k1)).toBe(true);
    expect(ring.get("k3")).toBeUndefined();
  });

  it("rejects a key that is not 32 bytes, without printing it", () => {
    for (const short of [key(16), key(31), key(33), "not base64!"]) {
      const message = messageOf(() => parseKeyRing(`k1:${short}`, "k1"));
      expect(message).toMatch(/"k1" must be 32 random bytes/);
      expect(message).not.toContain(short);
    }
  });

  it("rejects duplicate ids, without printing the keys", () => {
    const [a, b] = [key(), key()];
    const message = messageOf(() => parseKeyRing(`k1:${a},k1:${b}`, "k1"));
    expect(message).toMatch(/more than once/);
    expect(message).not.toContain(a);
    expect(message).not.toContain(b);
  });

  it("rejects a current key id that is not in the ring", () => {
    const a = key();
    const message = messageOf(() => parseKeyRing(`k1:${a}`, "k2"));
    expect(message).toMatch(/FIELD_ENCRYPTION_CURRENT_KEY must name a key/);
    expect(message).not.toContain(a);
  });

  it("rejects entries without an id or with an invalid id, without echoing them", () => {
    const a = key();
    for (const keys of [a, `:${a}`, `bad id!:${a}`, `${"x".repeat(33)}:${a}`]) {
      const message = messageOf(() => parseKeyRing(keys, "k1"));
      expect(message).toMatch(/entry 1/);
      expect(message).not.toContain(a);
    }
  });

  it("keeps key material out of JSON and inspect output", () => {
    const ring = parseKeyRing(`k1:${key()}`, "k1");
    expect(JSON.stringify(ring)).toBe('{"current":{"id":"k1"},"ids":["k1"]}');
    expect(inspect(ring, { depth: 5 })).not.toContain("Buffer");
  });
});

describe("keyRingFromConfig", () => {
  it("refuses to run in production without keys", () => {
    expect(() => keyRingFromConfig({ nodeEnv: "production" }, () => {})).toThrow(/^FIELD_ENCRYPTION_KEYS is not set/);
  });

  it("requires the current key id when keys are set", () => {
    expect(() => keyRingFromConfig({ keys: `k1:${key()}`, nodeEnv: "production" }, () => {})).toThrow(/FIELD_ENCRYPTION_CURRENT_KEY is not set/);
  });

  it("uses the configured ring in production", () => {
    const ring = keyRingFromConfig({ keys: `k1:${key()}`, currentKeyId: "k1", nodeEnv: "production" }, () => {});
    expect(ring.current.id).toBe("k1");
  });

  it("falls back to a random development key with one warning outside production", () => {
    const warn = vi.fn();
    const first = keyRingFromConfig({ nodeEnv: "development" }, warn);
    const second = keyRingFromConfig({ nodeEnv: "test" }, warn);
    expect(warn).toHaveBeenCalledTimes(2); // once per ring built; keyRing() builds one per process
    expect(first.current.key).toHaveLength(32);
    expect(first.current.key.equals(second.current.key)).toBe(false);
  });
});

describe("keyRing", () => {
  it("is built once per process", () => {
    expect(keyRing()).toBe(keyRing());
  });
});

describe("generateKeyRingValue", () => {
  it("produces a fresh ring that parseKeyRing accepts", () => {
    const first = generateKeyRingValue();
    const second = generateKeyRingValue("local");
    expect(first.current).toBe("k1");
    expect(parseKeyRing(first.keys, first.current).current.key).toHaveLength(32);
    expect(parseKeyRing(second.keys, "local").current.id).toBe("local");
    expect(first.keys.split(":")[1]).not.toBe(second.keys.split(":")[1]);
  });

  it("rejects an invalid id", () => {
    expect(() => generateKeyRingValue("no spaces")).toThrow(/key id/);
  });
});
