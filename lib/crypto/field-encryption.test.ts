import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptField,
  encryptField,
  envelopeKeyId,
  FieldDecryptionError,
  type FieldContext,
  isCurrentEnvelope,
  isEncryptedEnvelope,
  reencryptField,
} from "./field-encryption";
import { legacyV1Envelope } from "./field-encryption-test-fixtures";
import { type KeyRing, parseKeyRing } from "./key-ring";

type Key = { id: string; key: string };
const newKey = (id: string): Key => ({ id, key: randomBytes(32).toString("base64") });
const ringOf = (keys: Key[], current: string): KeyRing =>
  parseKeyRing(keys.map((k) => `${k.id}:${k.key}`).join(","), current);

const k1 = newKey("k1");
const k2 = newKey("k2");
const ring = ringOf([k1], "k1");
const context: FieldContext = { model: "Customer", field: "phone", ownerId: "cus_A" };

/** The FieldDecryptionError reason `fn` throws (failing the test on success or any other error). */
function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldDecryptionError);
    return (error as FieldDecryptionError).reason;
  }
  throw new Error("expected a FieldDecryptionError");
}

/** Flips one bit of the decoded byte at `index` of an envelope part (3: ciphertext+tag). */
function flip(envelope: string, part: number, index: number): string {
  const parts = envelope.split(".");
  const bytes = Buffer.from(parts[part] ?? "", "base64url");
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("encryptField / decryptField", () => {
  it.each(["4155550123", "", "Zoë Ångström — 東京都 🏠", "x".repeat(10_000)])("round-trips %#", (plaintext) => {
    const envelope = encryptField(plaintext, context, ring);
    expect(envelope).toMatch(/^v2\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(isEncryptedEnvelope(envelope)).toBe(true);
    expect(decryptField(envelope, context, ring)).toBe(plaintext);
  });

  it("does not contain the plaintext", () => {
    const envelope = encryptField("secret-phone-4155550123", context, ring);
    expect(envelope).not.toContain("4155550123");
    expect(Buffer.from(envelope.split(".")[3] ?? "", "base64url").toString("latin1")).not.toContain("4155550123");
  });

  it("uses a fresh 12-byte IV per value", () => {
    const a = encryptField("same", context, ring);
    const b = encryptField("same", context, ring);
    expect(a).not.toBe(b);
    const [ivA, ivB] = [a, b].map((envelope) => Buffer.from(envelope.split(".")[2] ?? "", "base64url"));
    expect(ivA).toHaveLength(12);
    expect(ivB).toHaveLength(12);
    expect(ivA?.equals(ivB as Buffer)).toBe(false);
    const ivs = new Set(Array.from({ length: 500 }, () => encryptField("same", context, ring).split(".")[2]));
    expect(ivs.size).toBe(500);
  });

  it("rejects a value decrypted with another key of the same id as tampered", () => {
    const envelope = encryptField("4155550123", context, ring);
    const impostor = ringOf([newKey("k1")], "k1");
    expect(reasonOf(() => decryptField(envelope, context, impostor))).toBe("tampered");
  });

  it("rejects a modified ciphertext, tag or IV as tampered", () => {
    const envelope = encryptField("4155550123", context, ring);
    const sealedLength = Buffer.from(envelope.split(".")[3] ?? "", "base64url").length;
    expect(reasonOf(() => decryptField(flip(envelope, 3, 0), context, ring))).toBe("tampered"); // ciphertext
    expect(reasonOf(() => decryptField(flip(envelope, 3, sealedLength - 1), context, ring))).toBe("tampered"); // tag
    expect(reasonOf(() => decryptField(flip(envelope, 2, 5), context, ring))).toBe("tampered"); // IV
  });

  it("rejects a truncated tag", () => {
    const envelope = encryptField("a longer value than sixteen bytes", context, ring);
    const parts = envelope.split(".");
    const sealed = Buffer.from(parts[3] ?? "", "base64url");
    parts[3] = sealed.subarray(0, sealed.length - 4).toString("base64url");
    expect(reasonOf(() => decryptField(parts.join("."), context, ring))).toBe("tampered");
  });

  it("rejects a value moved to another row or field as tampered", () => {
    const envelope = encryptField("4155550123", context, ring);
    expect(reasonOf(() => decryptField(envelope, { ...context, ownerId: "cus_B" }, ring))).toBe("tampered");
    expect(reasonOf(() => decryptField(envelope, { ...context, field: "email" }, ring))).toBe("tampered");
    expect(reasonOf(() => decryptField(envelope, { ...context, model: "Address" }, ring))).toBe("tampered");
  });

  it("binds a value to its row: copied to another row of the same owner, it does not decrypt", () => {
    const home = { model: "Address", field: "line1", ownerId: "cus_A", recordId: "addr_1" };
    const envelope = encryptField("1 Main Street", home, ring);
    expect(decryptField(envelope, home, ring)).toBe("1 Main Street");
    expect(reasonOf(() => decryptField(envelope, { ...home, recordId: "addr_2" }, ring))).toBe("tampered");
    expect(reasonOf(() => decryptField(envelope, { ...home, ownerId: "cus_B" }, ring))).toBe("tampered");
  });

  it("reports an unknown key id", () => {
    const envelope = encryptField("4155550123", context, ringOf([k2], "k2"));
    expect(reasonOf(() => decryptField(envelope, context, ring))).toBe("unknown_key");
  });

  it.each(["", "v2.k1.a.b", "v1.k1.not-base64!.x", "v1.k1.AAAAAAAAAAAAAAAA", "v1.k1", "plain text", "v1.k1.AAAAAAAAAAAAAAAA.AAAA", "v1..AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"])(
    "rejects the malformed envelope %j",
    (envelope) => {
      expect(isEncryptedEnvelope(envelope)).toBe(false);
      expect(reasonOf(() => decryptField(envelope, context, ring))).toBe("malformed");
      expect(reasonOf(() => envelopeKeyId(envelope))).toBe("malformed");
    },
  );

  it("rejects a version change of a valid envelope: an unknown version as malformed, the legacy one as tampered", () => {
    const envelope = encryptField("4155550123", context, ring);
    expect(reasonOf(() => decryptField(envelope.replace(/^v2/, "v3"), context, ring))).toBe("malformed");
    // The version is authenticated: relabelling a value v1 does not buy the weaker v1 binding.
    expect(reasonOf(() => decryptField(envelope.replace(/^v2/, "v1"), context, ring))).toBe("tampered");
  });

  it("never puts the value, the envelope or a key in the error message", () => {
    const envelope = encryptField("4155550123", context, ring);
    for (const attempt of [
      () => decryptField(flip(envelope, 3, 0), context, ring),
      () => decryptField(envelope, { ...context, ownerId: "cus_B" }, ring),
      () => decryptField(`${envelope}!`, context, ring),
    ]) {
      try {
        attempt();
        expect.unreachable();
      } catch (error) {
        const message = (error as Error).message;
        expect(message).not.toContain("4155550123");
        expect(message).not.toContain(envelope.split(".")[3]);
        expect(message).not.toContain(k1.key);
        expect(message).toMatch(/^Encrypted Customer\.phone /);
      }
    }
  });

  it("refuses an ambiguous or empty context", () => {
    expect(() => encryptField("x", { ...context, model: "Cus.tomer" }, ring)).toThrow(TypeError);
    expect(() => encryptField("x", { ...context, ownerId: "" }, ring)).toThrow(TypeError);
  });
});

describe("envelopeKeyId", () => {
  it("names the key a value was encrypted with", () => {
    expect(envelopeKeyId(encryptField("x", context, ringOf([k1, k2], "k2")))).toBe("k2");
  });
});

describe("key rotation", () => {
  it("moves a value to the current key and keeps it readable after the old key is removed", () => {
    const old = encryptField("4155550123", context, ringOf([k1], "k1"));
    const rotating = ringOf([k1, k2], "k2");
    expect(decryptField(old, context, rotating)).toBe("4155550123");

    const rotated = reencryptField(old, context, rotating);
    expect(envelopeKeyId(rotated)).toBe("k2");
    expect(decryptField(rotated, context, rotating)).toBe("4155550123");
    expect(reencryptField(rotated, context, rotating)).toBe(rotated);

    const retired = ringOf([k2], "k2");
    expect(decryptField(rotated, context, retired)).toBe("4155550123");
    expect(reasonOf(() => decryptField(old, context, retired))).toBe("unknown_key");
  });

  it("refuses to carry a tampered value forward", () => {
    const rotating = ringOf([k1, k2], "k2");
    const old = encryptField("4155550123", context, ringOf([k1], "k1"));
    const current = encryptField("4155550123", context, rotating);
    expect(reasonOf(() => reencryptField(flip(old, 3, 0), context, rotating))).toBe("tampered");
    expect(reasonOf(() => reencryptField(flip(current, 3, 0), context, rotating))).toBe("tampered");
  });
});

describe("legacy v1 envelopes (owner-bound)", () => {
  const home = { model: "Address", field: "line1", ownerId: "cus_A", recordId: "addr_1" };

  it("are still read, with the owner-bound AAD they were written with", () => {
    const legacy = legacyV1Envelope("1 Main Street", home, ring);
    expect(decryptField(legacy, home, ring)).toBe("1 Main Street");
    expect(reasonOf(() => decryptField(legacy, { ...home, ownerId: "cus_B" }, ring))).toBe("tampered");
  });

  it("are rewritten as row-bound v2 by rotation, even under the current key", () => {
    const legacy = legacyV1Envelope("1 Main Street", home, ring);
    expect(isCurrentEnvelope(legacy, ring)).toBe(false);
    const rewritten = reencryptField(legacy, home, ring);
    expect(rewritten).toMatch(/^v2\.k1\./);
    expect(isCurrentEnvelope(rewritten, ring)).toBe(true);
    expect(decryptField(rewritten, home, ring)).toBe("1 Main Street");
    expect(reasonOf(() => decryptField(rewritten, { ...home, recordId: "addr_2" }, ring))).toBe("tampered");
  });
});

describe("the process-wide ring", () => {
  it("is used by default (a development key in tests)", () => {
    expect(decryptField(encryptField("default ring", context), context)).toBe("default ring");
  });
});
