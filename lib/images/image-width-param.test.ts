import { describe, expect, it } from "vitest";
import { parseImageQuery, parseImageWidthParam } from "./image-width-param";
import { PRODUCT_IMAGE_WIDTHS, isProductImageWidth } from "./image-widths";

describe("image width allow-list", () => {
  it("accepts every listed width, and no width at all (the stored image)", () => {
    for (const width of PRODUCT_IMAGE_WIDTHS) expect(parseImageWidthParam(String(width))).toEqual({ ok: true, width });
    expect(parseImageWidthParam(null)).toEqual({ ok: true, width: null });
  });

  it("refuses an unlisted width, however it is written (resource exhaustion, V5.1.3)", () => {
    for (const raw of ["321", "1600", "2560", "99999", "100000000", "0", "-320", "+320", "0320", "320.0", "3.2e2", "0x140", " 320", "320 ", "", "abc"]) {
      expect(parseImageWidthParam(raw), raw).toEqual({ ok: false });
    }
  });

  it("isProductImageWidth knows only the listed widths", () => {
    expect(isProductImageWidth(640)).toBe(true);
    expect(isProductImageWidth(641)).toBe(false);
    expect(isProductImageWidth(Number.NaN)).toBe(false);
  });

  it("takes a query of nothing or one w only: an extra or repeated parameter would make a second URL for one width", () => {
    expect(parseImageQuery(new URLSearchParams(""))).toEqual({ ok: true, width: null });
    expect(parseImageQuery(new URLSearchParams("w=960"))).toEqual({ ok: true, width: 960 });
    for (const query of ["w=320&w=320", "w=320&cache=bust", "v=1", "W=320", "w=321"]) {
      expect(parseImageQuery(new URLSearchParams(query)), query).toEqual({ ok: false });
    }
  });
});
