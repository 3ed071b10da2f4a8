import { describe, expect, it } from "vitest";
import { PageCache } from "./page-cache";
import { sharedPageFrom, type SharedPage } from "./shared-page";

const html = (text: string) => Buffer.from(`<!DOCTYPE html><html><body><p>${text}</p><script>boot()</script></body></html>`);
const noAssets = () => null;
const page = (text: string, status = 200): SharedPage => sharedPageFrom(status, new Headers({ "content-type": "text/html; charset=utf-8" }), html(text), noAssets);

/** A render that waits until released, so tests can interleave visitors and changes. */
function controlledRenderer() {
  const calls: { path: string; release: (page: SharedPage) => void }[] = [];
  const render = (path: string) => new Promise<SharedPage>((resolve) => calls.push({ path, release: resolve }));
  return { calls, render };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const options = { maxBytes: 1_000_000, maxAgeMs: 60_000, rebuildConcurrency: 2 };

describe("PageCache", () => {
  it("renders a page once for every visitor arriving while it renders, then serves it kept", async () => {
    const renderer = controlledRenderer();
    const cache = new PageCache({ ...options, render: renderer.render });
    const visitors = Promise.all([cache.get("/"), cache.get("/"), cache.get("/")]);
    expect(renderer.calls).toHaveLength(1);
    renderer.calls[0]!.release(page("v1"));
    const pages = await visitors;
    expect(new Set(pages).size).toBe(1);
    expect((await cache.get("/")).body.toString()).toContain("v1");
    expect(renderer.calls).toHaveLength(1);
  });

  it("does not keep a render that started before a change, and renders the page again", async () => {
    const renderer = controlledRenderer();
    const cache = new PageCache({ ...options, render: renderer.render });
    const visitor = cache.get("/products/mug");
    cache.invalidate(() => true);
    renderer.calls[0]!.release(page("old price"));
    expect((await visitor).body.toString()).toContain("old price");
    await settle();
    expect(renderer.calls.map((call) => call.path)).toEqual(["/products/mug", "/products/mug"]);
    renderer.calls[1]!.release(page("new price"));
    await settle();
    expect((await cache.get("/products/mug")).body.toString()).toContain("new price");
    expect(renderer.calls).toHaveLength(2);
  });

  it("drops the pages a change names and rebuilds them ahead of visitors", async () => {
    let version = 1;
    const rendered: string[] = [];
    const cache = new PageCache({ ...options, render: async (path) => (rendered.push(path), page(`${path} v${version}`)) });
    await Promise.all(["/", "/products/a", "/products/b"].map((key) => cache.get(key)));
    version = 2;
    cache.invalidate((key) => key !== "/products/b");
    await settle();
    await settle();
    expect(rendered.slice(3).sort()).toEqual(["/", "/products/a"]);
    expect((await cache.get("/products/a")).body.toString()).toContain("v2");
    expect((await cache.get("/products/b")).body.toString()).toContain("v1");
    expect(rendered).toHaveLength(5);
  });

  it("keeps only complete pages: a 404 or a 500 is rendered again next time", async () => {
    let renders = 0;
    const cache = new PageCache({ ...options, render: async () => (renders++, page("missing", 404)) });
    await cache.get("/products/gone");
    await cache.get("/products/gone");
    expect(renders).toBe(2);
    expect(cache.stats().pages).toBe(0);
  });

  it("never keeps a page whose scripts the policy could not allow", async () => {
    const unsafe = sharedPageFrom(200, new Headers({ "content-type": "text/html" }), Buffer.from(`<script src="/x.js"></script>`), noAssets);
    let renders = 0;
    const cache = new PageCache({ ...options, render: async () => (renders++, unsafe) });
    await cache.get("/");
    await cache.get("/");
    expect(renders).toBe(2);
  });

  it("stays within its memory budget, letting the least recently served go", async () => {
    const rendered: string[] = [];
    const size = page("/products/a").bytes;
    const cache = new PageCache({ ...options, maxBytes: size * 2 + 4, render: async (path) => (rendered.push(path), page(path)) });
    await cache.get("/products/a");
    await cache.get("/products/b");
    await cache.get("/products/a");
    await cache.get("/products/c");
    expect(cache.stats().pages).toBe(2);
    expect(cache.stats().bytes).toBeLessThanOrEqual(size * 2 + 4);
    await cache.get("/products/a");
    expect(rendered).toEqual(["/products/a", "/products/b", "/products/c"]);
    await cache.get("/products/b");
    expect(rendered).toEqual(["/products/a", "/products/b", "/products/c", "/products/b"]);
  });

  it("renders a page past its maximum age again", async () => {
    let renders = 0;
    const cache = new PageCache({ ...options, maxAgeMs: 0, render: async () => (renders++, page("x")) });
    await cache.get("/");
    await cache.get("/");
    expect(renders).toBe(2);
  });
});
