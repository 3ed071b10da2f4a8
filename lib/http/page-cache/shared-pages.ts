import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { catalogRequest } from "./catalog-routes";
import { PageCache, type PageCacheOptions } from "./page-cache";
import type { AssetDigest } from "./page-hashes";
import { sendSharedPage } from "./send-shared-page";
import { renderSharedPage } from "./shared-page";
import { SHARED_RENDER_HEADER, SHARED_RENDER_VALUE } from "./shared-render";

const INTERNAL_HEADER = "x-shop-internal-render";

export type SharedPagesOptions = Omit<PageCacheOptions, "render"> & {
  origin: string;
  /** Digests of the build's script files (lib/http/page-cache/asset-digests.ts). */
  assetDigest: AssetDigest;
  /** False while changes cannot be heard (lib/http/page-cache/catalog-changes.ts): pages are then rendered per request. */
  cacheUsable: () => boolean;
};

/**
 * The HTTP server's side of the catalog's shared pages: answers a visitor's
 * request for one from the page cache, and lets the server's own cookie-less
 * render requests through to Next marked as shared. Only this process knows the
 * secret that marks its render requests; a visitor's copy of either header is
 * removed, so nobody outside can ask for a shared render or pass one off.
 */
export class SharedPages {
  readonly cache: PageCache;
  private readonly secret = randomBytes(32).toString("base64url");

  constructor(private readonly options: SharedPagesOptions) {
    const internal: [string, string] = [INTERNAL_HEADER, this.secret];
    this.cache = new PageCache({ ...options, render: (path) => renderSharedPage(options.origin, path, internal, options.assetDigest) });
  }

  /**
   * Prepares a request for Next, or answers it: true when the response is
   * handled here. Every request passes through (the listener has already removed
   * any visitor's shared-render header), so the markers cannot be forged.
   */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const internal = this.isInternal(request.headers[INTERNAL_HEADER]);
    delete request.headers[INTERNAL_HEADER];
    if (internal) {
      request.headers[SHARED_RENDER_HEADER] = SHARED_RENDER_VALUE;
      return false;
    }
    const catalog = catalogRequest(request.method, request.url, request.headers);
    if (!catalog) return false;
    const key = this.options.cacheUsable() ? catalog.key : null;
    const page = key ? await this.cache.get(key) : await this.cache.renderOnce(request.url ?? catalog.path);
    sendSharedPage(request, response, page, { keep: key !== null });
    return true;
  }

  private isInternal(value: string | string[] | undefined): boolean {
    if (typeof value !== "string" || value.length !== this.secret.length) return false;
    return timingSafeEqual(Buffer.from(value), Buffer.from(this.secret));
  }
}
