import { createInterface } from "node:readline";

/**
 * Prisma's generator protocol, as the CLI speaks it: JSON-RPC requests, one per
 * line on stdin (`getManifest`, then `generate` with the DMMF), answered one
 * per line on stderr; anything else on stderr is shown as the generator's log
 * when it fails. This is what @prisma/generator-helper wraps; it has no
 * release matching this project's prisma version, so the few lines are here.
 *
 * @param {{ manifest: object, generate: (options: any) => void | Promise<void> }} handler
 */
export function serveGenerator(handler) {
  const reply = (message) => process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", async (line) => {
    const request = JSON.parse(line);
    try {
      if (request.method === "getManifest") reply({ id: request.id, result: { manifest: handler.manifest } });
      else if (request.method === "generate") {
        await handler.generate(request.params);
        reply({ id: request.id, result: null });
      } else reply({ id: request.id, error: { code: -32601, message: `Unknown method ${request.method}` } });
    } catch (error) {
      // -32000: a server error in JSON-RPC terms; the message is what `prisma generate` prints.
      reply({ id: request.id, error: { code: -32000, message: error instanceof Error ? error.message : String(error), data: {} } });
    }
  });
}
