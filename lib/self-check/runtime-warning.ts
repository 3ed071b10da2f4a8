import "server-only";
import { logger } from "@/lib/log/logger";
import { nodeSupport, nodeSupportNotice } from "./node-support";

/** Logs a warning at start-up when the Node.js runtime is past (or near) its end of life; no network needed. */
export function warnIfRuntimeUnsupported(now = new Date()): void {
  const notice = nodeSupportNotice(nodeSupport(process.versions.node, now));
  if (notice) logger.warn({ node: process.versions.node }, notice);
}
