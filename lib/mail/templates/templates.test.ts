import { describe, expect, it } from "vitest";
import {
  emailChanged,
  emailChangeNotice,
  emailChangeVerify,
  escapeHtml,
  greetingName,
  newDeviceSignIn,
  passwordChanged,
  passwordReset,
  passwordResetCompleted,
  signUpAttemptOnExistingAccount,
  staffInvitation,
  verifyEmail,
  appTokenReplayed,
} from "./index";

const link = "https://shop.example/verify-email?token=abc123&x=1";
const evil = '<script>alert("x")</script>';

const all = {
  verifyEmail: verifyEmail({ name: evil, link }),
  passwordReset: passwordReset({ name: evil, link, expiresInMinutes: 30 }),
  passwordChanged: passwordChanged({ name: evil }),
  passwordResetCompleted: passwordResetCompleted({ name: evil }),
  newDeviceSignIn: newDeviceSignIn({
    name: evil,
    when: new Date("2026-01-02T03:04:05Z"),
    device: evil,
    ip: "203.0.113.9",
    securityLink: "https://shop.example/account/security",
  }),
  emailChangeVerify: emailChangeVerify({ name: evil, link }),
  emailChangeNotice: emailChangeNotice({ name: evil, newEmail: "jane@example.com" }),
  emailChanged: emailChanged({ name: evil }),
  appTokenReplayed: appTokenReplayed({ name: evil, securityLink: "https://shop.example/account/security" }),
  signUpAttemptOnExistingAccount: signUpAttemptOnExistingAccount({
    name: evil,
    signInLink: "https://shop.example/sign-in",
    resetLink: "https://shop.example/reset-password",
  }),
};

describe("escapeHtml", () => {
  it("escapes every character that can open a tag or close an attribute", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });
});

describe("mail templates", () => {
  it.each(Object.entries(all))("%s escapes a <script> name and has text, HTML and a subject", (_name, mail) => {
    expect(mail.subject).toContain("Northwind Goods");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.text.length).toBeGreaterThan(50);
  });

  it.each(Object.entries(all))("%s tells the reader what to do if it was not them", (_name, mail) => {
    expect(mail.text).toMatch(/If (you did not|this was not you|it was not you)/);
  });

  it("puts the link in the text and (escaped) in the HTML", () => {
    for (const mail of [all.verifyEmail, all.passwordReset, all.emailChangeVerify]) {
      expect(mail.text).toContain(link);
      expect(mail.html).toContain('href="https://shop.example/verify-email?token=abc123&amp;x=1"');
    }
    expect(all.passwordReset.text).toContain("30 minutes");
    expect(all.signUpAttemptOnExistingAccount.text).toContain("https://shop.example/sign-in");
    expect(all.signUpAttemptOnExistingAccount.text).toContain("https://shop.example/reset-password");
  });

  it("keeps line breaks of multi-line paragraphs in the HTML", () => {
    expect(all.newDeviceSignIn.html).toContain("<br>Device: &lt;script&gt;");
  });

  it("masks the new address in the notice to the old one", () => {
    expect(all.emailChangeNotice.text).toContain("j•••@e•••.com");
    expect(all.emailChangeNotice.text + all.emailChangeNotice.html).not.toContain("jane@example.com");
  });

  it("refuses links that are not http(s)", () => {
    expect(() => verifyEmail({ name: "Jane", link: "javascript:alert(1)" })).toThrow(/http/);
    expect(() =>
      signUpAttemptOnExistingAccount({ name: "Jane", signInLink: "data:text/html,x", resetLink: link }),
    ).toThrow(/http/);
  });

  it("does not let a display name smuggle a link or an address into the greeting", () => {
    expect(greetingName("Jane Doe")).toBe("Jane Doe");
    expect(greetingName("Win a prize at https://evil.example")).toBe("there");
    expect(greetingName("visit evil.com now")).toBe("there");
    expect(greetingName("x@evil.example")).toBe("there");
    expect(greetingName("Jane\r\nBcc: x\u202e")).toBe("Jane Bcc: x");
    expect(verifyEmail({ name: "see www.evil.example", link }).text).toMatch(/^Northwind Goods\n\nHi there,/);
  });
});

describe("the branded layout", () => {
  const mail = all.verifyEmail;

  it("heads every mail with the shop's name and closes it with the shop's address, contact and why it was sent", () => {
    expect(mail.html).toMatch(/<a href="http[^"]+"[^>]*>Northwind Goods<\/a><\/div>/);
    expect(mail.html).toContain('href="mailto:support@northwind-goods.example"');
    expect(mail.text).toMatch(/--\nNorthwind Goods · http\S+ · support@northwind-goods\.example\nYou receive this mail because you have an account at Northwind Goods\.\n$/);
    expect(mail.html).toContain("You receive this mail because you have an account at Northwind Goods.");
  });

  it("renders the action as a button-like link in HTML and as a plain address in text", () => {
    expect(mail.html).toMatch(/<a href="https:\/\/shop\.example\/verify-email\?token=abc123&amp;x=1" style="display:inline-block;[^"]*">Confirm your email address<\/a>/);
    expect(mail.text).toContain(`Confirm your email address:\n${link}`);
  });

  it("says why a staff mail was sent", () => {
    expect(staffInvitation({ name: "Sam", role: "Support", link, invitedBy: "Olive" }).text).toContain("because a member of the shop's staff invited this address");
  });
});
