/**
 * The shop's HTTP server: Next's request handler behind a plain node:http
 * server that prepares every request before Next sees it
 * (lib/http/shop-request-listener.ts): a trustworthy X-Forwarded-For entry, so
 * rate limits key on real client addresses (Next's own server only fills the
 * header when a client did not send one), the server's own request id, and the
 * body size limits. `npm start`, the demo, the tests and the container all
 * serve through it.
 *
 * Usage: node dist/http-server.js <port>   (built by `npm run build`; runs
 * without the react-server condition: this process hosts all of Next, not
 * only server components)
 */
import { createServer } from "node:http";
import next from "next";
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

// Next answers most errors itself (error.tsx); what escapes it is logged with the request id and answered 500.
const server = createServer(
  createShopRequestListener(handle, ({ error, ...request }) => logger.error({ err: error, ...request }, "request handler failed")),
);
server.listen(port, () => console.log(`Storefront listening on port ${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
