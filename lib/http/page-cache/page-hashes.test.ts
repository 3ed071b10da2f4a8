import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pageScriptAudit, sha256Base64 } from "./page-hashes";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const files: Record<string, string> = { "/_next/static/chunks/b.js": digest("console.log(2)") };
const digestOf = (path: string) => files[path] ?? null;

describe("pageScriptAudit", () => {
  it("hashes the exact text of every inline script and style, and keeps a script file's own integrity", () => {
    const inline = `self.__next_f.push([1,"a \\u003c/script> b"])`;
    const style = ".a{color:red}";
    const external = digest("console.log(1)");
    const html = `<!DOCTYPE html><html><head><style>${style}</style><script src="/_next/static/chunks/a.js" async="" integrity="sha256-${external}"></script></head><body><script>${inline}</script><script id="_R_">  </script></body></html>`;
    const audit = pageScriptAudit(html, digestOf);
    expect(audit.scripts).toEqual([external, digest(inline), digest("  ")].sort());
    expect(audit.styles).toEqual([digest(style)]);
    expect(audit.unhashed).toEqual([]);
    expect(audit.html).toBe(html);
  });

  it("gives the build's script files and their preloads an integrity from the file, and allows that hash", () => {
    const html = `<link rel="preload" as="script" href="/_next/static/chunks/b.js"/><script src="/_next/static/chunks/b.js" async=""></script>`;
    const audit = pageScriptAudit(html, digestOf);
    const integrity = `integrity="sha256-${files["/_next/static/chunks/b.js"]}"`;
    expect(audit.html).toBe(`<link ${integrity} rel="preload" as="script" href="/_next/static/chunks/b.js"/><script ${integrity} src="/_next/static/chunks/b.js" async=""></script>`);
    expect(audit.scripts).toEqual([files["/_next/static/chunks/b.js"]]);
  });

  it("leaves data blocks out: structured data is never executed", () => {
    const audit = pageScriptAudit(`<script type="application/ld+json">{"@type":"Product"}</script><script type="module">go()</script>`, digestOf);
    expect(audit.scripts).toEqual([digest("go()")]);
  });

  it("reports a script it cannot allow: another origin's, a missing file, a weaker integrity", () => {
    const html = `<script src="https://cdn.example/a.js"></script><script src="/_next/static/chunks/gone.js"></script><script src="/_next/static/chunks/b.js" integrity="sha384-abc"></script>`;
    const audit = pageScriptAudit(html, digestOf);
    expect(audit.unhashed).toEqual(["https://cdn.example/a.js", "/_next/static/chunks/gone.js", "/_next/static/chunks/b.js"]);
    expect(audit.scripts).toEqual([]);
  });

  it("does not decode entities or re-serialise: a hash covers the bytes as sent", () => {
    const text = "var a = '&amp;' + \"é\";";
    expect(pageScriptAudit(`<script>${text}</script>`, digestOf).scripts).toEqual([digest(text)]);
  });

  it("hashes line breaks as the browser's parser normalises them", () => {
    expect(sha256Base64("a\r\nb\rc")).toBe(digest("a\nb\nc"));
  });
});
