/**
 * The shop's HTTP server: Next's request handler behind a plain node:http
 * server that prepares every request before Next sees it
 * (lib/http/shop-request-listener.ts): a trustworthy X-Forwarded-For entry, so
 * rate limits key on real client addresses (Next's own server only fills the
 * header when a client did not send one), the server's own request id, and the
 * body size limits. The catalog's shared pages are answered from its page cache
 * (lib/http/page-cache), kept fresh by the database's change notices. `npm
 * start`, the demo, the tests and the container all serve through it.
 *
 * Usage: node dist/http-server.js <port>   (built by `npm run build`; runs
 * without the react-server condition: this process hosts all of Next, not
 * only server components)
 */
import { createServer } from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { buildAssetDigests } from "@/lib/http/page-cache/asset-digests";
import { CatalogChanges } from "@/lib/http/page-cache/catalog-changes";
import { fetchPrerenderKeys } from "@/lib/http/page-cache/prerender-list";
import { SharedPages } from "@/lib/http/page-cache/shared-pages";
import { createShopRequestListener } from "@/lib/http/shop-request-listener";
import { logger } from "@/lib/log/logger";

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error("Usage: node dist/http-server.js <port>");
  process.exit(1);
}

// Next fetches a Server Action's redirect target from itself: it must know its own port.
const app = next({ dev: false, dir: process.cwd(), hostname: "127.0.0.1", port });
const handle = app.getRequestHandler();
await app.prepare();

const origin = `http://127.0.0.1:${port}`;
let changes: CatalogChanges | null = null;
const sharedPages = new SharedPages({
  origin,
  assetDigest: buildAssetDigests(env.NEXT_DIST_DIR),
  maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
  // A safety net only: changes are announced within milliseconds.
  maxAgeMs: 10 * 60 * 1000,
  rebuildConcurrency: 2,
  cacheUsable: () => changes?.connected === true,
  onRenderFailed: (path, error) => logger.warn({ err: error, path }, "a shared page could not be rendered ahead"),
});
if (env.DATABASE_URL) changes = new CatalogChanges(env.DATABASE_URL, sharedPages.cache, logger);

// Next answers most errors itself (error.tsx); what escapes it is logged with the request id and answered 500.
const server = createServer(
  createShopRequestListener(handle, ({ error, ...request }) => logger.error({ err: error, ...request }, "request handler failed"), sharedPages),
);
server.listen(port, () => {
  console.log(`Storefront listening on port ${port}`);
  // Render the catalog ahead of its first visitors, once change notices are heard.
  void (async () => {
    await changes?.start();
    sharedPages.cache.prerender(await fetchPrerenderKeys(origin));
  })().catch((error: unknown) => logger.warn({ err: error }, "the catalog could not be rendered ahead"));
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    changes?.stop().catch(() => {}); // exiting anyway
    server.close(() => process.exit(0));
  });
}
