import { describe, expect, it } from "vitest";
import { readCommonPasswordList } from "./common-passwords";
import { checkPasswordPolicy, PasswordRejection } from "./policy";

const jane = { email: "jane.doe@example.com", name: "Jane Doe" };
const offline = { hibp: { enabled: false, apiUrl: "http://127.0.0.1:9" }, shopName: "Northwind Goods" };
const check = (password: string, context: { email: string; name?: string } = jane) =>
  checkPasswordPolicy(password, context, offline);

describe("checkPasswordPolicy: length", () => {
  it("refuses 11 code points and accepts 12", async () => {
    expect(await check("mqzvtrlkpwb")).toMatchObject({ ok: false, code: PasswordRejection.tooShort, message: "Use at least 12 characters." });
    expect(await check("mqzvtrlkpwbx")).toEqual({ ok: true });
  });

  it("counts an emoji as one character, not two UTF-16 units", async () => {
    expect("mqzvtrlkpw🙂".length).toBe(12);
    expect(await check("mqzvtrlkpw🙂")).toMatchObject({ ok: false, code: PasswordRejection.tooShort });
    expect(await check("mqzvtrlkpwb🙂")).toEqual({ ok: true });
  });

  it("counts a decomposed accent like a composed one (NFC)", async () => {
    expect(await check("mqzvtrlkpwe\u0301")).toMatchObject({ code: PasswordRejection.tooShort });
  });

  it("accepts 256 code points and refuses 257", async () => {
    const unit = "Kv7#qp zX!";
    const long = unit.repeat(26).slice(0, 256);
    expect(await check(long)).toEqual({ ok: true });
    expect(await check(`${long}x`)).toMatchObject({ ok: false, code: PasswordRejection.tooLong });
    expect(await check("🙂".repeat(256))).toEqual({ ok: true });
  });

  it("accepts a 64-character passphrase with spaces and any Unicode", async () => {
    const passphrase = "glacier umbrella tangerine 7 ferris wheel über ночь 星空 drifting slowly home";
    expect([...passphrase].length).toBeGreaterThanOrEqual(64);
    expect(await check(passphrase)).toEqual({ ok: true });
  });

  it("has no composition rules", async () => {
    expect(await check("correct horse battery staple")).toEqual({ ok: true });
    expect(await check("zebracactusmoonlight")).toEqual({ ok: true });
  });
});

describe("checkPasswordPolicy: common passwords", () => {
  it("ships a list of at least 100,000 entries", async () => {
    const list = await readCommonPasswordList();
    expect(list.length).toBeGreaterThanOrEqual(100_000);
    expect(list).toContain("password1234");
    expect(list).toContain("qwertyuiop123");
  });

  it("refuses list passwords in any case", async () => {
    const expected = { ok: false, code: PasswordRejection.common, message: "This password is too common. Choose something less predictable." };
    expect(await check("password1234")).toEqual(expected);
    expect(await check("PASSWORD1234")).toEqual(expected);
    expect(await check("PassWord1234")).toEqual(expected);
    expect(await check("qwertyuiop123")).toEqual(expected);
    expect(await check("123456789012")).toEqual(expected);
  });

  it("does not refuse a password merely containing a list entry", async () => {
    expect(await check("password1234 is what my neighbour uses")).toEqual({ ok: true });
  });
});

describe("checkPasswordPolicy: context words", () => {
  const contextual = { ok: false, code: PasswordRejection.contextual, message: "Don't build your password from your name, email address or the shop's name." };

  it("refuses passwords built from the email or name", async () => {
    expect(await check("janedoe2024!!")).toEqual(contextual);
    expect(await check("Jane.Doe-Password")).toEqual(contextual);
    expect(await check("jane.doe@example.com")).toEqual(contextual);
    expect(await check("JaneJaneJane 99")).toEqual(contextual);
    expect(await check("doe-jane-doe-jane")).toEqual(contextual);
  });

  it("uses each name part and the email's local part", async () => {
    const anna = { email: "a.smith@example.org", name: "Anna Smith" };
    expect(await check("annasmith1234", anna)).toEqual(contextual);
    expect(await check("Smith!Smith!2024!!", anna)).toEqual(contextual);
    expect(await check("ASMITH-12345678", anna)).toEqual(contextual);
    // A three-letter name still counts.
    expect(await check("bob-123456789", { email: "x@example.com", name: "Bob" })).toEqual(contextual);
  });

  it("refuses passwords built from the shop's name", async () => {
    expect(await check("NorthwindGoods1!")).toEqual(contextual);
    expect(await check("northwind-2024-xy")).toEqual(contextual);
    expect(await check("goods goods goods!")).toEqual(contextual);
  });

  it("accepts a long passphrase that merely contains the name", async () => {
    const anna = { email: "a.smith@example.org", name: "Anna Smith" };
    expect(await check("anna loves climbing frosty mountains", anna)).toEqual({ ok: true });
    // The boundary: exactly 10 letters or digits left besides the name is enough.
    expect(await check("Smith!Family!2024", anna)).toEqual({ ok: true });
    expect(await check("Smith!Famil!2024", anna)).toEqual(contextual);
    expect(await check("jane rides a purple tandem bicycle")).toEqual({ ok: true });
  });

  it("accepts unrelated passwords for a user without a name", async () => {
    expect(await check("violet kettle drum 42", { email: "k@example.com" })).toEqual({ ok: true });
  });
});
