import type { SharedPage } from "./shared-page";

export type PageCacheOptions = {
  /** Renders a page (a path with its query) without cookies. */
  render: (path: string) => Promise<SharedPage>;
  /** Compressed and plain bodies together stay under this many bytes; the least recently served go first. */
  maxBytes: number;
  /** A page older than this is rendered again on its next request, whatever was announced. */
  maxAgeMs: number;
  /** Pages rebuilt at once after a change or at start-up, so rebuilding never starves visitors. */
  rebuildConcurrency: number;
  onRenderFailed?: (path: string, error: unknown) => void;
};

/**
 * The shared catalog pages, rendered once and sent to every visitor until the
 * catalog changes (lib/http/page-cache/catalog-changes.ts announces it). Why
 * the shop keeps them itself rather than in Next's incremental cache: each
 * cached page needs its own Content-Security-Policy, the hashes of exactly its
 * scripts, which only code that sees the rendered body can compute; Next sets
 * a page's headers before it has one.
 *
 * - One render per page at a time: visitors arriving while it renders wait
 *   for that render (no stampede after a change).
 * - A render that started before a change is sent to those waiting for it but
 *   not kept, and the page is rendered again.
 * - Only complete 200 pages are kept; anything else is sent as rendered.
 * - A changed page is dropped and rebuilt at once in the background, so it is
 *   ready (prerendered) before most visitors ask.
 */
export class PageCache {
  private readonly pages = new Map<string, SharedPage>();
  private readonly rendering = new Map<string, Promise<SharedPage>>();
  private readonly rebuildQueue = new Set<string>();
  private rebuildsRunning = 0;
  private bytes = 0;
  private generation = 0;

  constructor(private readonly options: PageCacheOptions) {}

  /** The page kept under `key` (rendering it if needed), moved to the most recently served. */
  async get(key: string): Promise<SharedPage> {
    const kept = this.pages.get(key);
    if (kept && Date.now() - kept.renderedAt < this.options.maxAgeMs) {
      this.pages.delete(key);
      this.pages.set(key, kept);
      return kept;
    }
    return this.renderAndKeep(key);
  }

  /** Renders a page that is not kept (a URL outside the cache keys). */
  renderOnce(path: string): Promise<SharedPage> {
    return this.options.render(path);
  }

  /** Drops every kept page `affected` names and rebuilds them in the background. */
  invalidate(affected: (key: string) => boolean): void {
    this.generation += 1;
    for (const key of [...this.pages.keys()]) {
      if (!affected(key)) continue;
      this.drop(key);
      this.rebuildQueue.add(key);
    }
    this.pumpRebuilds();
  }

  /** Renders the given keys in the background (at start-up: the pages visitors will ask for first). */
  prerender(keys: Iterable<string>): void {
    for (const key of keys) if (!this.pages.has(key)) this.rebuildQueue.add(key);
    this.pumpRebuilds();
  }

  /** Kept pages, their total size and the rebuilds still waiting (for health checks and tests). */
  stats(): { pages: number; bytes: number; pendingRebuilds: number } {
    return { pages: this.pages.size, bytes: this.bytes, pendingRebuilds: this.rebuildQueue.size + this.rebuildsRunning };
  }

  private renderAndKeep(key: string): Promise<SharedPage> {
    const running = this.rendering.get(key);
    if (running) return running;
    const startedIn = this.generation;
    const render = this.options
      .render(key)
      .then((page) => {
        if (page.status === 200 && page.unhashed.length === 0) {
          if (startedIn === this.generation) this.keep(key, page);
          else this.rebuildQueue.add(key);
        }
        return page;
      })
      .finally(() => {
        this.rendering.delete(key);
        this.pumpRebuilds();
      });
    this.rendering.set(key, render);
    return render;
  }

  private keep(key: string, page: SharedPage): void {
    this.drop(key);
    if (page.bytes > this.options.maxBytes) return;
    this.pages.set(key, page);
    this.bytes += page.bytes;
    for (const [oldest] of this.pages) {
      if (this.bytes <= this.options.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }

  private pumpRebuilds(): void {
    for (const key of this.rebuildQueue) {
      if (this.rebuildsRunning >= this.options.rebuildConcurrency) break;
      this.rebuildQueue.delete(key);
      if (this.pages.has(key) || this.rendering.has(key)) continue;
      this.rebuildsRunning += 1;
      this.renderAndKeep(key)
        .catch((error: unknown) => this.options.onRenderFailed?.(key, error))
        .finally(() => {
          this.rebuildsRunning -= 1;
          this.pumpRebuilds();
        });
    }
  }
}
