import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { productJsonLd } from "@/lib/seo/json-ld";
import { sampleProduct } from "@/lib/seo/seo-test-fixtures";
import { JsonLdScript } from "./json-ld";

describe("JsonLdScript", () => {
  it("keeps a hostile product name inside its data block (V1.2.1 contextual encoding)", () => {
    const name = `Mug </script><script>alert(document.cookie)</script><!--<script>`;
    const html = renderToStaticMarkup(<JsonLdScript data={productJsonLd({ ...sampleProduct, name }, "https://shop.example")} />);
    // Exactly one element: the page's HTML parser would end it at the first "</script".
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).toMatch(/^<script type="application\/ld\+json">/);
    const body = html.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
    expect((JSON.parse(body) as { name: string }).name).toBe(name);
  });
});
