import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("audit CSV", () => {
  it("quotes cells and doubles quotes", () => {
    expect(csvRow(["a", 'say "hi"', null, { k: 1 }])).toBe('"a","say ""hi""","","{""k"":1}"');
  });

  it.each(["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)"])("neutralises a formula: %s", (value) => {
    expect(csvCell(value).startsWith(`"'`)).toBe(true);
  });
});
