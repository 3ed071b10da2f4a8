import { describe, expect, it } from "vitest";
import { META_DESCRIPTION_MAX, metaDescription, plainText } from "./meta-description";

const long =
  "Closed-back over-ear headphones with memory-foam cushions, a detachable braided cable and forty hours of listening on one charge, tuned for detail at low volume and folding flat into the included hard case.";

describe("metaDescription", () => {
  it("keeps a short description whole", () => {
    expect(metaDescription("A sturdy cast-iron skillet.")).toBe("A sturdy cast-iron skillet.");
  });

  it("cuts a long one at a word boundary with an ellipsis, within the limit", () => {
    const cut = metaDescription(long);
    expect(Array.from(cut).length).toBeLessThanOrEqual(META_DESCRIPTION_MAX);
    expect(cut.endsWith("…")).toBe(true);
    const words = cut.slice(0, -1);
    // Every word kept is a whole word of the original, in order: nothing cut mid-word.
    expect(long.startsWith(words)).toBe(true);
    expect(long[words.length]).toBe(" ");
    expect(cut).toBe(
      "Closed-back over-ear headphones with memory-foam cushions, a detachable braided cable and forty hours of listening on one charge, tuned for detail at low…",
    );
  });

  it("drops punctuation left dangling before the ellipsis", () => {
    const text = `${"word ".repeat(10)}end, ${"tail ".repeat(10)}`;
    expect(metaDescription(text, 60)).toMatch(/end…$|word…$|tail…$/);
    expect(metaDescription(text, 60)).not.toMatch(/[,.;:]…$/);
    expect(metaDescription("Alpha beta, gamma delta epsilon", 13)).toBe("Alpha beta…");
  });

  it("collapses whitespace and strips markup before measuring", () => {
    expect(metaDescription("  <p>Soft\n\n merino\twool</p><script>x()</script> hoodie  ")).toBe("Soft merino wool x() hoodie");
    expect(plainText("a\u0000b\u200Bc  <b>d</b>")).toBe("a b c d");
  });

  it("cuts inside one overlong word rather than return nothing", () => {
    const cut = metaDescription("x".repeat(400));
    expect(cut).toBe(`${"x".repeat(META_DESCRIPTION_MAX - 1)}…`);
  });

  it("never splits a character made of two UTF-16 units", () => {
    const cut = metaDescription("🎧".repeat(200), 10);
    expect(cut).toBe(`${"🎧".repeat(9)}…`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("is the helper pages use: the product page no longer slices mid-word", async () => {
    const { readFile } = await import("node:fs/promises");
    const page = await readFile("app/(shop)/products/[slug]/page.tsx", "utf8");
    expect(page).not.toMatch(/description\??\.slice\(/);
  });
});
