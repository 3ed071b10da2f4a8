import "server-only";
import { createServer, type Server } from "node:http";

/**
 * Answers `GET /` with 200 `{"status":"ok"}` once the worker has started (it is
 * only started then). It reveals nothing else, so it listens on every
 * interface, where a container or orchestrator probe can reach it.
 */
export function startHealthServer(port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const ok = request.method === "GET" && request.url === "/";
    response.writeHead(ok ? 200 : 404, { "content-type": "application/json", "cache-control": "no-store" });
    response.end(JSON.stringify(ok ? { status: "ok" } : { error: "not found" }));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve(server));
  });
}
